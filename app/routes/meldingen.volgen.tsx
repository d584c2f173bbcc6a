import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { t } from '../i18n';
import { getCommentTargetScope } from '../models/comments/comment.server';
import { COMMENT_TARGETS, type CommentTarget } from '../models/comments/comment-target';
import { followTarget, isFollowing, unfollowTarget } from '../models/notifications/follow.server';
import { FollowFormSchema } from '../schemas/notification';
import { requireUser } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { notFound, optionalIdQuery, requireFound } from '../utils/http.server';
import { safeRedirect } from '../utils/redirect';

const f = t.notifications.follow;

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(f.pageTitle) }];

/**
 * Whether the user follows an item (?type=action&id=12), with the form to change it. The
 * item pages carry the button themselves (components/notifications/follow-button.tsx),
 * which posts to this route's action.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const type = url.searchParams.get('type');
  const targetId = optionalIdQuery(url.searchParams.get('id'));
  if (!COMMENT_TARGETS.includes(type as CommentTarget) || targetId === null) throw notFound();
  const targetType = type as CommentTarget;
  requireFound(getCommentTargetScope({ targetType, targetId }));
  return {
    targetType,
    targetId,
    following: isFollowing({ userId: user.id, targetType, targetId }),
    back: safeRedirect(url.searchParams.get('terug'), '/meldingen'),
  };
}

/** Anyone signed in may follow any item (everyone may read everything). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const form = parseForm(FollowFormSchema, formData);
  if (!form.ok) return data({ ok: false as const, fieldErrors: form.fieldErrors }, { status: 400 });
  const { intent, targetType, targetId, redirectTo } = form.data;
  requireFound(getCommentTargetScope({ targetType, targetId }));
  if (intent === 'follow') followTarget({ userId: user.id, targetType, targetId });
  else unfollowTarget({ userId: user.id, targetType, targetId });
  return formData.get('js') === '1' ? data({ ok: true as const }) : redirect(safeRedirect(redirectTo));
}

export default function FollowPage() {
  const { targetType, targetId, following, back } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>
        {f.pageTitle}: {f.what[targetType]}
      </h1>
      <p>{following ? f.following : f.notFollowing}</p>
      <p className="muted">{f.explain}</p>
      <Form method="post" className="button-row">
        <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
        <input type="hidden" name="targetType" value={targetType} />
        <input type="hidden" name="targetId" value={targetId} />
        <input type="hidden" name="redirectTo" value={back} />
        <button type="submit" className="button">
          {following ? f.unfollow : f.follow}
        </button>
        <Link to={back}>{f.back}</Link>
      </Form>
    </>
  );
}
