import { Form, useNavigation } from '@remix-run/react';
import { useState } from 'react';

import { t } from '../../i18n';
import { closingFieldNames, REASON_MAX_LENGTH } from '../../models/periods/closing-fields';
import type { ClosingChoice } from '../../models/periods/period-rules';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../models/tracker/action-status';
import { FormErrorSummary } from '../forms/field';

const c = t.periods.closing;

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

/**
 * The confirmation of closing a period (or adopting a concept, which closes the current
 * one): every open action with its choice — carry over to the next period, or niet
 * afgerond with a reason — and one submit. A plain POST; with JavaScript the summary
 * counts the choices as they are made.
 */
export function ClosingForm({
  actions,
  successorLabel,
  submitLabel,
  errors,
  values,
}: {
  actions: ClosingFormAction[];
  /** The period carried actions go to; null when there is none (only "niet afgerond" is possible). */
  successorLabel: string | null;
  submitLabel: string;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const submitting = useNavigation().state === 'submitting';
  const [choices, setChoices] = useState<Record<number, ClosingChoice | undefined>>(() =>
    Object.fromEntries(
      actions.map((a) => {
        const value = values[closingFieldNames(a.id).choice];
        return [a.id, value === 'meenemen' || value === 'niet_afgerond' ? value : undefined];
      }),
    ),
  );
  const chosen = Object.values(choices);
  const carry = chosen.filter((v) => v === 'meenemen').length;
  const notFinished = chosen.filter((v) => v === 'niet_afgerond').length;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <FormErrorSummary show={hasErrors} message={errors._form ?? t.common.errors.formHasErrors} />
      {successorLabel === null && actions.length > 0 ? <p>{c.noSuccessor}</p> : null}
      {actions.length === 0 ? <p>{c.noOpen}</p> : null}
      <Form method="post" className="form closing-form" noValidate>
        {actions.map((action) => {
          const names = closingFieldNames(action.id);
          const choiceError = errors[names.choice];
          const reasonError = errors[names.reason];
          const errorId = `${names.choice}-error`;
          return (
            <div key={action.id} className="closing-action">
              <fieldset aria-describedby={choiceError ? errorId : undefined}>
                <legend>
                  <strong>{action.title}</strong>{' '}
                  <span className="muted">
                    ({action.goalCode}
                    {action.municipalityName ? `, ${action.municipalityName}` : ''};{' '}
                    {c.status(ACTION_STATUS_LABELS[action.status].toLocaleLowerCase('nl'), action.progress)})
                  </span>
                </legend>
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
                      defaultChecked={choices[action.id] === 'meenemen'}
                      onChange={() => setChoices((prev) => ({ ...prev, [action.id]: 'meenemen' }))}
                    />
                    {c.carry(successorLabel)}
                  </label>
                ) : null}
                <label>
                  <input
                    type="radio"
                    name={names.choice}
                    value="niet_afgerond"
                    defaultChecked={choices[action.id] === 'niet_afgerond'}
                    onChange={() => setChoices((prev) => ({ ...prev, [action.id]: 'niet_afgerond' }))}
                  />
                  {c.notFinished}
                </label>
                <div className="field">
                  <label htmlFor={names.reason}>{c.reason}</label>
                  <span className="hint" id={`${names.reason}-hint`}>
                    {c.reasonHint}
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
            </div>
          );
        })}
        <section aria-labelledby="closing-preview-heading" className="card">
          <h2 id="closing-preview-heading">{c.previewHeading}</h2>
          <p aria-live="polite">{c.preview(carry, notFinished, actions.length - carry - notFinished)}</p>
        </section>
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
