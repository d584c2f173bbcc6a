import { useFetcher, useLocation, useNavigate } from '@remix-run/react';
import { useEffect, useId, useRef, useState } from 'react';

import { t } from '../../i18n';
import type { CommentReply, CommentThread } from '../../models/comments/comment.server';
import type { CommentTarget } from '../../models/comments/comment-target';
import type { PeriodState } from '../../models/periods/period-rules';
import { type Actor, canComment, canDeleteComment, canEditComment, canResolveThread } from '../../models/permissions';
import { TEXT_LIMITS } from '../../schemas/limits';
import { formatDateTime } from '../../utils/date-time';
import { useHydrated } from '../../utils/use-hydrated';
import { Field } from '../forms/field';
import { SubmissionKeyField } from '../forms/submission-key';
import { MentionText } from './mention-text';
import { MentionTextarea } from './mention-textarea';

const c = t.comments;

/** What /reacties answers a script-driven form: errors beside the field, or ok. */
type CommentActionData = { ok: true } | { ok: false; fieldErrors: Partial<Record<string, string>>; values: Record<string, string> };

type Props = {
  target: { type: CommentTarget; id: number };
  threads: CommentThread[];
  actor: Actor;
  /** May the actor change the item itself? Such users may also resolve any thread on it. */
  mayEditTarget: boolean;
  /** The period of the item, when it belongs to the agenda: a closed period's discussion is read-only. */
  period?: PeriodState;
  /** An accent cell without an accent row yet (target.id 0): the first comment creates it. */
  accentCell?: { goalId: number; municipalityId: number };
  /** The section's heading, when "Reacties" alone would not say what they are about. */
  heading?: string;
  /** Older threads left out of `threads` (a long discussion shows its newest), and the address that shows them all. */
  older?: { count: number; href: string };
};

/**
 * The discussion on a goal, action or local accent. Every form posts to /reacties,
 * so it works without JavaScript; with JavaScript each form posts in place and shows
 * its error beside the field.
 */
export function CommentSection({ target, threads, actor, mayEditTarget, accentCell, period, heading = c.heading, older }: Props) {
  const headingId = useId();
  const mayComment = canComment(actor, period);
  const location = useLocation();
  const hydrated = useHydrated();
  const replyTo = replyAsked(location.search);
  useShowOlderForLink(older);
  return (
    <section className="comments" id="reacties" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {threads.length === 0 ? <p className="muted">{c.none}</p> : null}
      {older && older.count > 0 ? (
        <p className="comments__older">
          <span className="muted">{c.olderHidden(threads.length)} </span>
          <a href={older.href}>{c.showOlder(older.count)}</a>
        </p>
      ) : null}
      {threads.length > 0 ? (
        <ol className="comment-threads">
          {threads.map((thread) => (
            <li key={thread.id}>
              <Thread
                thread={thread}
                actor={actor}
                mayEditTarget={mayEditTarget}
                period={period}
                reply={{ hydrated, openAtLoad: replyTo === thread.id, href: replyHref(location, thread.id) }}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {mayComment ? (
        <CommentForm
          intent="create"
          hidden={{
            targetType: target.type,
            targetId: target.id > 0 ? String(target.id) : '',
            ...(accentCell ? { goalId: String(accentCell.goalId), municipalityId: String(accentCell.municipalityId) } : {}),
          }}
          label={c.newLabel}
          submitLabel={c.newSubmit}
          className="comment-new"
        />
      ) : (
        <p className="muted">{c.readOnly}</p>
      )}
    </section>
  );
}

/**
 * A link to one comment (a notification, a search hit: `#reactie-<id>`) whose thread is
 * among the older ones left out: open the whole discussion at that comment.
 */
function useShowOlderForLink(older: Props['older']) {
  const location = useLocation();
  const navigate = useNavigate();
  const hasOlder = Boolean(older && older.count > 0);
  useEffect(() => {
    if (!hasOlder || !older || !/^#reactie-\d+$/.test(location.hash)) return;
    if (document.getElementById(location.hash.slice(1))) return;
    navigate(`${older.href.split('#')[0]}${location.hash}`, { replace: true });
  }, [hasOlder, older, location.hash, navigate]);
}

/** The address parameter that opens one thread's reply form without JavaScript: `?antwoord=<thread id>`. */
const REPLY_PARAM = 'antwoord';

function replyAsked(search: string): number | null {
  const id = Number(new URLSearchParams(search).get(REPLY_PARAM));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The page as it is, with the reply form of one thread open, scrolled to that form. */
function replyHref(location: { pathname: string; search: string }, threadId: number) {
  const params = new URLSearchParams(location.search);
  params.set(REPLY_PARAM, String(threadId));
  return `${location.pathname}?${params}#antwoord-${threadId}`;
}

/** Where a form returns to after a post without JavaScript: this page, without an open reply form. */
function returnAddress(location: { pathname: string; search: string }, hash = '') {
  const params = new URLSearchParams(location.search);
  params.delete(REPLY_PARAM);
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ''}${hash}`;
}

type ReplyOptions = { hydrated: boolean; openAtLoad: boolean; href: string };

function Thread({
  thread,
  actor,
  mayEditTarget,
  period,
  reply,
}: {
  thread: CommentThread;
  actor: Actor;
  mayEditTarget: boolean;
  period?: PeriodState;
  reply: ReplyOptions;
}) {
  const mayComment = canComment(actor, period);
  const mayResolve = mayComment && canResolveThread(actor, thread, mayEditTarget);
  const body = (
    <>
      <Comment comment={thread} actor={actor} isThread />
      {thread.replies.length > 0 ? (
        <ol className="comment-replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Comment comment={reply} actor={actor} isThread={false} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="comment-thread__actions">
        {mayComment && !thread.resolvedAt ? <ReplyToThread thread={thread} {...reply} /> : null}
        {mayResolve ? (
          <ButtonForm
            intent={thread.resolvedAt ? 'reopen' : 'resolve'}
            commentId={thread.id}
            label={thread.resolvedAt ? c.reopen : c.resolve}
            context={c.threadLabel(thread.authorName)}
          />
        ) : null}
      </div>
    </>
  );

  if (thread.resolvedAt) {
    return (
      <details className="comment-thread comment-thread--resolved">
        <summary>
          {c.resolvedSummary(thread.authorName, thread.replies.length)}
          <span className="comment-thread__resolved">
            {' '}
            — {c.resolvedBy(thread.resolvedByName ?? '?', formatDateTime(thread.resolvedAt))}
          </span>
        </summary>
        {body}
      </details>
    );
  }
  return (
    <article className="comment-thread" aria-label={c.threadLabel(thread.authorName)}>
      {body}
    </article>
  );
}

/**
 * "Antwoorden" under an open thread. The reply form is drawn only when it is asked for: the
 * forms of twenty threads (each a field with mention suggestions) were a third of a long
 * discussion's page (decision 036). Without JavaScript "Antwoorden" is a link to the same
 * page with `?antwoord=<thread>`, which draws that thread's form; once the page is
 * hydrated it is a button that opens the form in place with the focus in its field. After
 * a reply the form closes and the focus returns to the button.
 */
function ReplyToThread({ thread, hydrated, openAtLoad, href }: { thread: CommentThread } & ReplyOptions) {
  const [open, setOpen] = useState(openAtLoad);
  const focusField = useRef(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const formId = `antwoord-${thread.id}`;
  const label = (
    <>
      {c.reply}
      <span className="visually-hidden"> — {c.threadLabel(thread.authorName)}</span>
    </>
  );

  useEffect(() => {
    if (!open || !focusField.current) return;
    focusField.current = false;
    formRef.current?.querySelector('textarea')?.focus();
  }, [open]);

  return (
    <div className={`comment-reply${open ? ' comment-reply--open' : ''}`}>
      {hydrated ? (
        <button
          type="button"
          ref={toggleRef}
          className="link-button comment-reply__toggle"
          aria-expanded={open}
          aria-controls={open ? formId : undefined}
          onClick={() => {
            focusField.current = !open;
            setOpen(!open);
          }}
        >
          {label}
        </button>
      ) : open ? null : (
        <a href={href} className="comment-reply__toggle">
          {label}
        </a>
      )}
      {open ? (
        <div id={formId} ref={formRef}>
          <CommentForm
            intent="reply"
            hidden={{ commentId: String(thread.id) }}
            label={c.replyLabel}
            submitLabel={c.replySubmit}
            returnHash={`#reactie-${thread.id}`}
            onDone={() => {
              setOpen(false);
              toggleRef.current?.focus();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

function Comment({ comment, actor, isThread }: { comment: CommentReply; actor: Actor; isThread: boolean }) {
  const mayEdit = canEditComment(actor, comment);
  const mayDelete = canDeleteComment(actor, comment);
  const context = c.commentBy(comment.authorName);
  return (
    <div id={`reactie-${comment.id}`} className={`comment${isThread ? ' comment--first' : ''}`}>
      <p className="comment__meta">
        <strong>{comment.authorName}</strong> <span className="muted">({comment.authorOrganisation})</span> ·{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.editedAt ? (
          <span className="muted">
            {' '}
            · <span title={formatDateTime(comment.editedAt)}>{c.edited}</span>
          </span>
        ) : null}
      </p>
      <div className="comment__body prose">
        <MentionText text={comment.body} names={comment.mentions} />
      </div>
      {mayEdit || mayDelete ? (
        <div className="comment__actions">
          {mayEdit ? (
            <details className="comment-disclosure">
              <summary>
                {c.edit}
                <span className="visually-hidden"> ({context})</span>
              </summary>
              <CommentForm
                intent="edit"
                hidden={{ commentId: String(comment.id) }}
                label={c.editLabel}
                submitLabel={c.editSubmit}
                defaultValue={comment.body}
                closeOnDone
                resetOnDone={false}
              />
            </details>
          ) : null}
          {mayDelete ? (
            <details className="comment-disclosure">
              <summary>
                {c.delete}
                <span className="visually-hidden"> ({context})</span>
              </summary>
              <p>{isThread ? c.deleteConfirmThread : c.deleteConfirm}</p>
              <ButtonForm intent="delete" commentId={comment.id} label={c.deleteSubmit} danger />
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function HiddenFields({ intent, fields, returnHash }: { intent: string; fields: Record<string, string>; returnHash?: string }) {
  const location = useLocation();
  const hydrated = useHydrated();
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="redirectTo" value={returnAddress(location, returnHash)} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
    </>
  );
}

function CommentForm({
  intent,
  hidden,
  label,
  submitLabel,
  defaultValue = '',
  className,
  closeOnDone = false,
  resetOnDone = true,
  returnHash,
  onDone,
}: {
  intent: 'create' | 'reply' | 'edit';
  hidden: Record<string, string>;
  label: string;
  submitLabel: string;
  defaultValue?: string;
  className?: string;
  closeOnDone?: boolean;
  resetOnDone?: boolean;
  /** Where on the page a post without JavaScript returns to (`#reactie-<id>`). */
  returnHash?: string;
  /** Called after a post in place succeeded. */
  onDone?: () => void;
}) {
  const fetcher = useFetcher<CommentActionData>();
  const formRef = useRef<HTMLFormElement>(null);
  const result = fetcher.data;
  const error =
    result && !result.ok ? (result.fieldErrors.body ?? result.fieldErrors._form ?? Object.values(result.fieldErrors)[0]) : undefined;
  const busy = fetcher.state !== 'idle';

  useEffect(() => {
    const form = formRef.current;
    if (!form || !result) return;
    if (result.ok) {
      if (resetOnDone) form.reset();
      if (closeOnDone) form.closest('details')?.removeAttribute('open');
      onDone?.();
    } else {
      form.querySelector('textarea')?.focus();
    }
    // onDone is a new function on every render; the effect answers a new result only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result, resetOnDone, closeOnDone]);

  return (
    <fetcher.Form
      method="post"
      action="/reacties"
      className={`form comment-form${className ? ` ${className}` : ''}`}
      ref={formRef}
      noValidate
    >
      <HiddenFields intent={intent} fields={hidden} returnHash={returnHash} />
      <SubmissionKeyField />
      <Field label={label} name="body" error={error} hint={t.notifications.mention.hint}>
        {(p) => (
          <MentionTextarea {...p} rows={intent === 'create' ? 4 : 3} defaultValue={defaultValue} required maxLength={TEXT_LIMITS.comment} />
        )}
      </Field>
      <button type="submit" className="button button--small" disabled={busy}>
        {busy ? c.saving : submitLabel}
      </button>
    </fetcher.Form>
  );
}

function ButtonForm({
  intent,
  commentId,
  label,
  context,
  danger = false,
}: {
  intent: 'delete' | 'resolve' | 'reopen';
  commentId: number;
  label: string;
  context?: string;
  danger?: boolean;
}) {
  const fetcher = useFetcher<CommentActionData>();
  return (
    <fetcher.Form method="post" action="/reacties" className="comment-button-form">
      <HiddenFields intent={intent} fields={{ commentId: String(commentId) }} />
      <button
        type="submit"
        className={`button button--small ${danger ? 'button--danger' : 'button--secondary'}`}
        disabled={fetcher.state !== 'idle'}
      >
        {label}
        {context ? <span className="visually-hidden"> ({context})</span> : null}
      </button>
    </fetcher.Form>
  );
}
