import { Fragment } from 'react';

import { t } from '../../i18n';
import { DEADLINE_EXAMPLES } from '../../models/tracker/deadline';
import type { ActionFormOptions, ActionFormValues } from '../../schemas/action';
import { TEXT_LIMITS } from '../../schemas/limits';
import type { FieldErrors } from '../../utils/forms';
import { groupConsecutive } from '../../utils/grouping';
import { shorten } from '../../utils/text';
import { EditForm } from '../forms/edit-form';
import { Field } from '../forms/field';
import { OrganisationOptions } from '../forms/organisation-options';
import { StatusOptions } from './action-bits';

const a = t.actions;
const f = t.tracker.actionForm;

const TITLE_MAX = 110;

/**
 * The action form, shared by "Nieuwe actie" and "Bewerken": every field of
 * ActionFormSchema, the Dutch error beside each field, and what the user typed kept.
 */
export function ActionForm({
  options,
  values,
  errors,
  submitLabel,
  cancelTo,
}: {
  options: ActionFormOptions;
  values: ActionFormValues;
  errors: FieldErrors;
  submitLabel: string;
  cancelTo: string;
}) {
  const orgName = new Map(options.organisations.map((o) => [o.id, o.name]));
  return (
    <EditForm errors={errors} submitLabel={submitLabel} cancelTo={cancelTo} className="form action-form">
      <Field label={a.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" defaultValue={values.title ?? ''} required maxLength={TEXT_LIMITS.title} />}
      </Field>
      <Field label={a.goal} name="goalId" error={errors.goalId}>
        {(p) => (
          <select {...p} defaultValue={values.goalId ?? ''} required>
            <option value="">{a.none}</option>
            {groupConsecutive(options.goals, (goal) => `${goal.themeCode} ${goal.themeTitle}`).map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.items.map((goal) => (
                  <option key={goal.id} value={String(goal.id)}>
                    {goal.code} — {shorten(goal.title, TITLE_MAX)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field label={a.scope} name="municipalityId" error={errors.municipalityId} hint={f.scopeHint}>
        {(p) => (
          <select {...p} defaultValue={values.municipalityId ?? ''}>
            {options.scopes.map((scope) => (
              <option key={scope.municipalityId ?? 'regional'} value={scope.municipalityId === null ? '' : String(scope.municipalityId)}>
                {scope.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid-form">
        <Field label={a.ownerUser} name="ownerUserId" error={errors.ownerUserId}>
          {(p) => (
            <select {...p} defaultValue={values.ownerUserId ?? ''}>
              <option value="">{a.none}</option>
              {options.users.map((user) => (
                <option key={user.id} value={String(user.id)}>
                  {user.name}
                  {orgName.has(user.organisationId) ? ` (${orgName.get(user.organisationId)})` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={a.ownerOrganisation} name="ownerOrganisationId" error={errors.ownerOrganisationId}>
          {(p) => (
            <select {...p} defaultValue={values.ownerOrganisationId ?? ''}>
              <option value="">{a.none}</option>
              <OrganisationOptions organisations={options.organisations} />
            </select>
          )}
        </Field>
      </div>
      <Field label={a.partners} name="partners" error={errors.partners} hint={a.partnersHint}>
        {(p) => <input {...p} type="text" defaultValue={values.partners ?? ''} maxLength={TEXT_LIMITS.partners} />}
      </Field>
      <Field
        label={a.deadline}
        name="deadline"
        error={errors.deadline}
        hint={
          <>
            {f.deadlineHint}{' '}
            {DEADLINE_EXAMPLES.map((example, i) => (
              <Fragment key={example}>
                {i > 0 ? ', ' : null}
                <q>{example}</q>
              </Fragment>
            ))}
            .
          </>
        }
      >
        {(p) => <input {...p} type="text" defaultValue={values.deadline ?? ''} maxLength={TEXT_LIMITS.deadline} autoComplete="off" />}
      </Field>
      <div className="grid-form">
        <Field label={a.status} name="status" error={errors.status}>
          {(p) => (
            <select {...p} defaultValue={values.status ?? 'niet_gestart'}>
              <StatusOptions />
            </select>
          )}
        </Field>
        <Field label={a.progress} name="progress" error={errors.progress}>
          {(p) => <input {...p} type="number" min={0} max={100} step={1} inputMode="numeric" defaultValue={values.progress ?? '0'} />}
        </Field>
      </div>
      <Field label={a.description} name="description" error={errors.description}>
        {(p) => <textarea {...p} defaultValue={values.description ?? ''} rows={6} maxLength={TEXT_LIMITS.actionDescription} />}
      </Field>
    </EditForm>
  );
}
