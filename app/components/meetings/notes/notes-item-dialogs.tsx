/**
 * The forms that add an action item or a decision to the live notes, each in a modal
 * <dialog> (focus kept inside, Escape closes, focus returns to the toolbar button). A
 * form posts to the notes' resource route; a refusal shows its messages beside the
 * fields, a success hands the created item to the editor. No editor imports here.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

import { t } from '../../../i18n';
import type { ActionField, NamedAction } from '../../../models/meetings/action-choice';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../../../models/tracker/action-status';
import { TEXT_LIMITS } from '../../../schemas/limits';
import { Field, FormErrorSummary } from '../../forms/field';
import { ActionChoiceField } from '../action-choice-field';

const n = t.notes;

export type ItemDialogKind = 'actionItem' | 'decision';
export type GoalOption = { id: number; code: string; title: string };
export type UserOption = { id: number; name: string };
export type OrganisationOption = { id: number; name: string };

type FieldErrors = Partial<Record<string, string>>;

/** A random submission key for one filling-in of a dialog's form (the shape createOnce accepts). */
function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `notes:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function ItemDialog<Answer>({
  open,
  onClose,
  title,
  intro,
  submitLabel,
  action,
  onCreated,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  submitLabel: string;
  action: string;
  onCreated: (answer: Answer) => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  // The dialog posts with fetch, so Remix never reloads the seed of SubmissionKeyField: it
  // makes its own submission key, new after each item created (decision 016).
  const [submissionKey, setSubmissionKey] = useState(newSubmissionKey);
  // A second click while the first request is under way sends nothing (the key covers a resend).
  const sending = useRef(false);
  // Bumped after a refused or failed submit: the disabled submit button lost focus to <body>.
  const [problem, setProblem] = useState(0);

  useEffect(() => {
    if (problem === 0) return;
    // Keyboard and screen-reader users land on the first field to fix, else on the failure message.
    const dialog = ref.current;
    const target =
      dialog?.querySelector<HTMLElement>('[aria-invalid="true"], .notes-dialog__failed') ??
      dialog?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  }, [problem]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setFailed(false);
    try {
      const answer = await fetch(action, {
        method: 'POST',
        body: new FormData(event.currentTarget),
        headers: { Accept: 'application/json' },
      });
      if (answer.status === 400) {
        setErrors(((await answer.json()) as { fieldErrors: FieldErrors }).fieldErrors);
        setProblem((p) => p + 1);
        return;
      }
      if (!answer.ok) throw new Error(String(answer.status));
      const created = (await answer.json()) as Answer;
      setErrors({});
      setFormKey((k) => k + 1);
      setSubmissionKey(newSubmissionKey());
      // Closed here, before the editor takes focus: closing returns focus to the toolbar button.
      ref.current?.close();
      onCreated(created);
    } catch {
      setFailed(true);
      setProblem((p) => p + 1);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="notes-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p className="muted">{intro}</p>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      {failed ? (
        <p className="form-error notes-dialog__failed" role="alert" tabIndex={-1}>
          {n.failed}
        </p>
      ) : null}
      <form key={formKey} method="post" action={action} className="form" noValidate onSubmit={submit}>
        <input type="hidden" name="submissionKey" value={submissionKey} />
        {children(errors)}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {n.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function GoalOptions({ goals }: { goals: GoalOption[] }) {
  return (
    <>
      {goals.map((goal) => (
        <option key={goal.id} value={goal.id}>
          {goal.code} {goal.title}
        </option>
      ))}
    </>
  );
}

export function ActionItemFields({
  errors,
  goals,
  users,
  organisations,
  defaultGoal,
}: {
  errors: FieldErrors;
  goals: GoalOption[];
  users: UserOption[];
  organisations: OrganisationOption[];
  /** The goal of the agenda point being discussed; none: the person chooses (required). */
  defaultGoal: number | null;
}) {
  const a = n.actionItem;
  return (
    <>
      <Field label={a.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" required maxLength={TEXT_LIMITS.title} autoComplete="off" />}
      </Field>
      <Field label={a.owner} name="owner" error={errors.owner ?? errors.ownerUserId}>
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">{a.none}</option>
            <optgroup label={a.people}>
              {users.map((user) => (
                <option key={user.id} value={`user:${user.id}`}>
                  {user.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={a.organisations}>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={`organisation:${organisation.id}`}>
                  {organisation.name}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <Field label={a.deadline} name="deadline" error={errors.deadline} hint={t.actions.deadlineHint}>
        {(p) => <input {...p} type="text" maxLength={TEXT_LIMITS.deadline} autoComplete="off" />}
      </Field>
      <Field label={a.goal} name="goalId" error={errors.goalId}>
        {(p) => (
          // Keyed by the default: the dialog opens again under another agenda point.
          <select {...p} key={defaultGoal ?? 'none'} defaultValue={defaultGoal === null ? '' : String(defaultGoal)} required>
            <option value="" disabled>
              {a.chooseGoal}
            </option>
            <GoalOptions goals={goals} />
          </select>
        )}
      </Field>
    </>
  );
}

export function DecisionFields({
  errors,
  goals,
  meetingId,
  actionField,
}: {
  errors: FieldErrors;
  goals: GoalOption[];
  meetingId: number;
  /** The meeting's period's actions the "Gekoppelde actie" field offers (decision 037). */
  actionField: ActionField;
}) {
  const d = n.decision;
  // The action the field names, as the server read it: it offers the status change only
  // where the action waits for a decision and this person may change it (the route checks again).
  const [named, setNamed] = useState<NamedAction | null>(null);
  return (
    <>
      <Field label={d.text} name="text" error={errors.text}>
        {(p) => <textarea {...p} rows={3} required maxLength={TEXT_LIMITS.decision} />}
      </Field>
      <Field label={d.goal} name="goalId" error={errors.goalId}>
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">{d.none}</option>
            <GoalOptions goals={goals} />
          </select>
        )}
      </Field>
      <ActionChoiceField
        meetingId={meetingId}
        field={actionField}
        value=""
        label={d.action}
        error={errors.actionChoice ?? errors.actionId}
        onNamed={setNamed}
      />
      {named?.status === 'besluit_nodig' && named.mayChangeStatus ? (
        <Field label={d.actionStatus} name="actionStatus" error={errors.actionStatus} hint={d.actionStatusHint}>
          {(p) => (
            <select {...p} defaultValue="loopt">
              <option value="">{d.keepStatus}</option>
              {ACTION_STATUSES.filter((status) => status !== 'besluit_nodig').map((status) => (
                <option key={status} value={status}>
                  {ACTION_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
    </>
  );
}
