import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';

import { Field } from '../components/forms/field';
import { t } from '../i18n';
import {
  createComment,
  deleteComment,
  editComment,
  getComment,
  getCommentTargetScope,
  setThreadResolved,
} from '../models/comments/comment.server';
import { canComment, canDeleteComment, canEditComment, canEditCommentTarget, canResolveThread } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { ensureAccent, getAccentCell } from '../models/tracker/accent.server';
import { CommentFormSchema } from '../schemas/comment';
import { TEXT_LIMITS } from '../schemas/limits';
import commentsCss from '../styles/comments.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor, requireUser } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { notFound, requireAllowed, requireFound } from '../utils/http.server';
import { safeRedirect } from '../utils/redirect';

const c = t.comments;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: commentsCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(c.errorPage.title) }];

/** Nothing to show here: comments are written on an item's page and posted to this action. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canComment(actor));

  const formData = await request.formData();
  const form = parseForm(CommentFormSchema, formData);
  if (!form.ok) return data({ ok: false as const, fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const input = form.data;
  const done = () => (formData.get('js') === '1' ? data({ ok: true as const }) : redirect(safeRedirect(input.redirectTo)));

  if (input.intent === 'create') {
    let targetId = input.targetId;
    if (input.targetType === 'accent' && targetId === null) {
      // A cell without an accent row yet: the first comment creates the (empty) accent.
      if (input.goalId === null || input.municipalityId === null || !getAccentCell(input.goalId, input.municipalityId)) throw notFound();
      targetId = ensureAccent(input.goalId, input.municipalityId);
    }
    if (targetId === null) throw notFound();
    requireFound(getCommentTargetScope({ targetType: input.targetType, targetId }));
    const id = targetId;
    createOnce({ userId: actor.id, key: submissionKeyOf(formData), scope: 'comment' }, () =>
      createComment({ authorId: actor.id, targetType: input.targetType, targetId: id, body: input.body }),
    );
    return done();
  }

  const comment = requireFound(getComment(input.commentId));
  const scope = requireFound(getCommentTargetScope({ targetType: comment.targetType, targetId: comment.targetId }));

  switch (input.intent) {
    case 'reply':
      createOnce({ userId: actor.id, key: submissionKeyOf(formData), scope: 'reply' }, () =>
        createComment({
          authorId: actor.id,
          targetType: comment.targetType,
          targetId: comment.targetId,
          parentId: comment.parentId ?? comment.id,
          body: input.body,
        }),
      );
      break;
    case 'edit':
      requireAllowed(canEditComment(actor, comment));
      editComment({ id: comment.id, body: input.body, userId: actor.id });
      break;
    case 'delete':
      requireAllowed(canDeleteComment(actor, comment));
      deleteComment({ id: comment.id });
      break;
    case 'resolve':
    case 'reopen': {
      const thread = requireFound(comment.parentId === null ? comment : getComment(comment.parentId));
      requireAllowed(canResolveThread(actor, thread, canEditCommentTarget(actor, scope)));
      setThreadResolved({ id: thread.id, userId: actor.id, resolved: input.intent === 'resolve' });
      break;
    }
  }
  return done();
}

/** Without JavaScript a comment with an error lands here: the text again, with the message beside it. */
export default function CommentErrorPage() {
  const result = useActionResult<typeof action>();
  if (!result || result.ok) {
    return (
      <>
        <h1>{c.heading}</h1>
        <p>{c.errorPage.nothing}</p>
        <p>
          <Link to="/">{c.errorPage.toAgenda}</Link>
        </p>
      </>
    );
  }
  const { values, fieldErrors } = result;
  const back = safeRedirect(values.redirectTo);
  const hasBody = values.intent === 'create' || values.intent === 'reply' || values.intent === 'edit';
  const otherError = Object.entries(fieldErrors).find(([key]) => key !== 'body')?.[1];
  return (
    <>
      <h1>{c.errorPage.title}</h1>
      <p>{c.errorPage.intro}</p>
      {otherError ? (
        <div className="form-error" role="alert">
          {otherError}
        </div>
      ) : null}
      {hasBody ? (
        <Form method="post" action="/reacties" className="form comment-form" noValidate>
          {Object.entries(values)
            .filter(([name]) => name !== 'body' && name !== 'js')
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          <Field
            label={values.intent === 'reply' ? c.replyLabel : values.intent === 'edit' ? c.editLabel : c.newLabel}
            name="body"
            error={fieldErrors.body}
          >
            {(p) => <textarea {...p} rows={5} defaultValue={values.body ?? ''} required maxLength={TEXT_LIMITS.comment} />}
          </Field>
          <div className="button-row">
            <button type="submit" className="button">
              {values.intent === 'reply' ? c.replySubmit : values.intent === 'edit' ? c.editSubmit : c.newSubmit}
            </button>
            <Link to={back}>{c.errorPage.back}</Link>
          </div>
        </Form>
      ) : (
        <p>
          <Link to={back}>{c.errorPage.back}</Link>
        </p>
      )}
    </>
  );
}
