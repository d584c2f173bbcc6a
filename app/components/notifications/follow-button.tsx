import { Link, useFetcher, useLocation } from '@remix-run/react';
import { useEffect } from 'react';

import { t } from '../../i18n';
import type { CommentTarget } from '../../models/comments/comment-target';

const f = t.notifications.follow;

/**
 * "Volgen" / "Niet meer volgen" on an item: followers hear of every new comment on it.
 * It asks /meldingen/volgen whether the user follows the item, so the page around it
 * need not; until then (and without JavaScript) it links to that page, which has the
 * same button.
 */
export function FollowButton({ target }: { target: { type: CommentTarget; id: number } }) {
  const location = useLocation();
  const state = useFetcher<{ following: boolean }>();
  const toggle = useFetcher();
  const url = `/meldingen/volgen?type=${target.type}&id=${target.id}`;
  const { load } = state;

  useEffect(() => {
    load(url);
  }, [load, url]);

  const pending = toggle.formData?.get('intent');
  const following = pending ? pending === 'follow' : state.data?.following;
  if (following === undefined) {
    return (
      <Link to={`${url}&terug=${encodeURIComponent(location.pathname)}`} className="button button--secondary button--small follow-button">
        {f.manage}
      </Link>
    );
  }
  return (
    <toggle.Form method="post" action="/meldingen/volgen" className="follow-button">
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="redirectTo" value={location.pathname} />
      <input type="hidden" name="js" value="1" />
      <button type="submit" className="button button--secondary button--small" title={following ? f.following : f.explain}>
        {following ? f.unfollow : f.follow}
      </button>
    </toggle.Form>
  );
}
