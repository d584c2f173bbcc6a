import { Form, useNavigation } from '@remix-run/react';
import { useState } from 'react';

import { t } from '../../i18n';
import { closingFieldNames } from '../../models/periods/closing-fields';
import type { ClosingFormContent, ClosingFormRetry } from '../../models/periods/closing-form.server';
import type { ClosingChoice } from '../../models/periods/period-rules';
import { FormErrorSummary } from '../forms/field';
import { ClosingByChapter } from './closing-by-chapter';
import { ActionLegend, ClosingChoiceFieldset, type ClosingFormAction, ClosingPreview, sentChoice } from './closing-choice';

const c = t.periods.closing;

/**
 * The confirmation of closing a period (or adopting a concept, which closes the current
 * one). With few open actions every one of them with its choice — carry over to the next
 * period, or niet afgerond with a reason; with many, a choice per chapter plus exceptions
 * (ClosingByChapter, decision 039). One plain POST; with JavaScript the summary counts
 * the choices as they are made.
 */
export function ClosingForm({
  content,
  successorLabel,
  submitLabel,
  retry,
}: {
  content: ClosingFormContent;
  /** The period carried actions go to; null when there is none (only "niet afgerond" is possible). */
  successorLabel: string | null;
  submitLabel: string;
  /** The form as it was sent, when it comes back (a refused submit, an exception added or removed). */
  retry: ClosingFormRetry | undefined;
}) {
  const submitting = useNavigation().state === 'submitting';
  const errors = retry?.fieldErrors ?? {};
  const values = retry?.values ?? {};
  const open = content.mode === 'perAction' ? content.actions.length : content.open;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <FormErrorSummary show={hasErrors} message={errors._form ?? t.common.errors.formHasErrors} />
      {successorLabel === null && open > 0 ? <p>{c.noSuccessor}</p> : null}
      {open === 0 ? <p>{c.noOpen}</p> : null}
      <Form method="post" className="form closing-form" noValidate>
        {content.mode === 'perAction' ? (
          <PerAction actions={content.actions} successorLabel={successorLabel} errors={errors} values={values} />
        ) : (
          <ClosingByChapter
            key={(retry?.exceptions ?? []).map((a) => a.id).join(',')}
            content={content}
            exceptions={retry?.exceptions ?? []}
            successorLabel={successorLabel}
            errors={errors}
            values={values}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={submitting}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}

/** A short agenda: every open action with its own choice. */
function PerAction({
  actions,
  successorLabel,
  errors,
  values,
}: {
  actions: ClosingFormAction[];
  successorLabel: string | null;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  const [choices, setChoices] = useState<Record<number, ClosingChoice | undefined>>(() =>
    Object.fromEntries(actions.map((a) => [a.id, sentChoice(values, closingFieldNames(a.id).choice)])),
  );
  const chosen = Object.values(choices);
  const carry = chosen.filter((v) => v === 'meenemen').length;
  const notFinished = chosen.filter((v) => v === 'niet_afgerond').length;
  return (
    <>
      {actions.map((action) => (
        <ClosingChoiceFieldset
          key={action.id}
          names={closingFieldNames(action.id)}
          legend={<ActionLegend action={action} />}
          successorLabel={successorLabel}
          choice={choices[action.id]}
          onChoose={(choice) => setChoices((prev) => ({ ...prev, [action.id]: choice }))}
          errors={errors}
          values={values}
        />
      ))}
      <ClosingPreview carry={carry} notFinished={notFinished} undecided={actions.length - carry - notFinished} />
    </>
  );
}
