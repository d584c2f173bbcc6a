import { useFetcher, useLocation } from '@remix-run/react';

import { t } from '../../i18n';
import type { CommentTarget } from '../../models/comments/comment-target';
import { useHydrated } from '../../utils/use-hydrated';

const f = t.notifications.follow;

/**
 * "Volgen" / "Niet meer volgen" on an item: followers hear of every new comment on it.
 *
 * Whether the user follows it comes with the page's own loader data (`following`), not
 * from a request of its own: a fetcher loading on mount races Remix's lazy route
 * discovery when a live revalidation starts before /meldingen/volgen is known, and the
 * page then shows "Niet gevonden" (remix-run/remix#10263). After a toggle the page's
 * loaders run again and bring the new state.
 *
 * With JavaScript the form posts in place; before hydration and without JavaScript it is
 * a plain post that redirects back to the page.
 */
export function FollowButton({ target, following }: { target: { type: CommentTarget; id: number }; following: boolean }) {
  const location = useLocation();
  const toggle = useFetcher();
  const hydrated = useHydrated();
  const pending = toggle.formData?.get('intent');
  const shown = pending ? pending === 'follow' : following;
  return (
    <toggle.Form method="post" action="/meldingen/volgen" className="follow-button">
      <input type="hidden" name="intent" value={shown ? 'unfollow' : 'follow'} />
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <button type="submit" className="button button--secondary button--small" title={shown ? f.following : f.explain}>
        {shown ? f.unfollow : f.follow}
      </button>
    </toggle.Form>
  );
}
