import type { ReactNode } from 'react';

import { t } from '../../i18n';
import { REASON_MAX_LENGTH } from '../../models/periods/closing-fields';
import type { ClosingChoice } from '../../models/periods/period-rules';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../models/tracker/action-status';

const c = t.periods.closing;

/**
 * One choice of the closing form — for an action, or (a large agenda) for a chapter's
 * open actions: carry over to the next period, or niet afgerond with a reason; with its
 * errors beside the fields. `after` goes below the reason (an exception's remove button).
 */
export function ClosingChoiceFieldset({
  names,
  legend,
  successorLabel,
  choice,
  onChoose,
  reasonHint = c.reasonHint,
  errors,
  values,
  after,
}: {
  names: { choice: string; reason: string };
  legend: ReactNode;
  successorLabel: string | null;
  choice: ClosingChoice | undefined;
  onChoose: (choice: ClosingChoice) => void;
  reasonHint?: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  after?: ReactNode;
}) {
  const choiceError = errors[names.choice];
  const reasonError = errors[names.reason];
  const errorId = `${names.choice}-error`;
  return (
    <div className="closing-action">
      <fieldset aria-describedby={choiceError ? errorId : undefined}>
        <legend>{legend}</legend>
        {choiceError ? (
          <span className="field-error" id={errorId}>
            {choiceError}
          </span>
        ) : null}
        {successorLabel !== null ? (
          <label>
            <input
              type="radio"
              name={names.choice}
              value="meenemen"
              defaultChecked={choice === 'meenemen'}
              onChange={() => onChoose('meenemen')}
            />
            {c.carry(successorLabel)}
          </label>
        ) : null}
        <label>
          <input
            type="radio"
            name={names.choice}
            value="niet_afgerond"
            defaultChecked={choice === 'niet_afgerond'}
            onChange={() => onChoose('niet_afgerond')}
          />
          {c.notFinished}
        </label>
        <div className="field">
          <label htmlFor={names.reason}>{c.reason}</label>
          <span className="hint" id={`${names.reason}-hint`}>
            {reasonHint}
          </span>
          {reasonError ? (
            <span className="field-error" id={`${names.reason}-error`}>
              {reasonError}
            </span>
          ) : null}
          <textarea
            id={names.reason}
            name={names.reason}
            rows={2}
            maxLength={REASON_MAX_LENGTH}
            defaultValue={values[names.reason] ?? ''}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[`${names.reason}-hint`, reasonError ? `${names.reason}-error` : ''].filter(Boolean).join(' ')}
          />
        </div>
      </fieldset>
      {after}
    </div>
  );
}

/** A choice as the form was sent (kept after a refused submit), or none. */
export function sentChoice(values: Record<string, string>, name: string): ClosingChoice | undefined {
  const value = values[name];
  return value === 'meenemen' || value === 'niet_afgerond' ? value : undefined;
}

export type ClosingFormAction = {
  id: number;
  code: string | null;
  title: string;
  status: ActionStatus;
  progress: number;
  municipalityName: string | null;
  goalCode: string;
  goalTitle: string;
};

/** An action's legend in the closing form: its title, goal, municipality, status and progress. */
export function ActionLegend({ action, note }: { action: ClosingFormAction; note?: string }) {
  return (
    <>
      <strong>{action.title}</strong>{' '}
      <span className="muted">
        ({action.goalCode}
        {action.municipalityName ? `, ${action.municipalityName}` : ''};{' '}
        {c.status(ACTION_STATUS_LABELS[action.status].toLocaleLowerCase('nl'), action.progress)}
        {note ? `; ${note}` : ''})
      </span>
    </>
  );
}

/** The summary of the choices so far (counted again as they are made, with JavaScript). */
export function ClosingPreview({ carry, notFinished, undecided }: { carry: number; notFinished: number; undecided: number }) {
  return (
    <section aria-labelledby="closing-preview-heading" className="card">
      <h2 id="closing-preview-heading">{c.previewHeading}</h2>
      <p aria-live="polite">{c.preview(carry, notFinished, undecided)}</p>
    </section>
  );
}
