import { useEffect, useRef } from 'react';

import { t } from '../../i18n';
import type { LibraryActionField } from '../../models/library/library-action-choice';
import { type LibraryKind, TARGET_GROUPS, UPLOAD_ACCEPT } from '../../models/library/library-rules';
import type { LibraryFormOptions, LibraryFormValues } from '../../schemas/library';
import { TEXT_LIMITS } from '../../schemas/limits';
import { formatDateTime } from '../../utils/date-time';
import { groupConsecutive } from '../../utils/grouping';
import { shorten } from '../../utils/text';
import { EditForm } from '../forms/edit-form';
import { Field, FieldGroup } from '../forms/field';
import { LibraryActionsField } from './library-actions-field';

const f = t.library.form;

const TITLE_MAX = 100;

/**
 * The form of one kind of library item, for "Nieuw item" and "Bewerken": the fields
 * that kind uses, its tags and links (the actions by search where there are too many for
 * checkboxes, decision 038), and (for a document) the file — the last field,
 * so an oversized file still leaves the other fields to show again. A plain multipart
 * POST: works without JavaScript.
 */
export function LibraryItemForm({
  kind,
  isNew,
  options,
  values,
  actionField,
  errors,
  submitLabel,
  cancelTo,
}: {
  kind: LibraryKind;
  isNew: boolean;
  options: LibraryFormOptions;
  values: LibraryFormValues;
  /** Null: every action is a checkbox; otherwise the chosen ones and a search field (decision 038). */
  actionField: LibraryActionField;
  errors: Partial<Record<string, string>>;
  submitLabel: string;
  cancelTo: string;
}) {
  return (
    <EditForm errors={errors} submitLabel={submitLabel} cancelTo={cancelTo} className="form library-form" encType="multipart/form-data">
      {isNew ? <input type="hidden" name="kind" value={kind} /> : null}
      <Field label={f.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" defaultValue={values.title ?? ''} required maxLength={TEXT_LIMITS.shortTitle} />}
      </Field>
      <Field label={f.summary} name="summary" error={errors.summary} hint={f.summaryHint}>
        {(p) => <textarea {...p} defaultValue={values.summary ?? ''} rows={3} maxLength={TEXT_LIMITS.summary} />}
      </Field>

      {kind === 'voorbeeld' ? (
        <Field label={f.body} name="body" error={errors.body} hint={f.bodyHint}>
          {(p) => (
            <textarea
              {...p}
              defaultValue={values.body ?? ''}
              rows={14}
              required
              maxLength={TEXT_LIMITS.longText}
              className="library-form__body"
            />
          )}
        </Field>
      ) : null}

      {kind === 'link' ? (
        <Field label={f.url} name="url" error={errors.url} hint={f.urlHint}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="url"
              defaultValue={values.url ?? ''}
              required
              maxLength={TEXT_LIMITS.url}
              autoComplete="off"
            />
          )}
        </Field>
      ) : null}

      {kind === 'contact' ? (
        <>
          <Field label={f.contactName} name="contactName" error={errors.contactName}>
            {(p) => <input {...p} type="text" defaultValue={values.contactName ?? ''} required maxLength={TEXT_LIMITS.label} />}
          </Field>
          <Field label={f.contactOrganisation} name="contactOrganisation" error={errors.contactOrganisation}>
            {(p) => <input {...p} type="text" defaultValue={values.contactOrganisation ?? ''} maxLength={TEXT_LIMITS.label} />}
          </Field>
          <Field label={f.contactEmail} name="contactEmail" error={errors.contactEmail}>
            {(p) => <input {...p} type="email" defaultValue={values.contactEmail ?? ''} maxLength={TEXT_LIMITS.label} autoComplete="off" />}
          </Field>
          <Field label={f.contactPhone} name="contactPhone" error={errors.contactPhone}>
            {(p) => <input {...p} type="tel" defaultValue={values.contactPhone ?? ''} maxLength={TEXT_LIMITS.phone} autoComplete="off" />}
          </Field>
        </>
      ) : null}

      <fieldset className="library-form__group">
        <legend>{f.tagsLegend}</legend>
        <Field label={f.theme} name="themeId" error={errors.themeId}>
          {(p) => (
            <select {...p} defaultValue={values.themeId ?? ''}>
              <option value="">{f.noTheme}</option>
              {options.themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.code} {shorten(theme.title, TITLE_MAX)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={f.municipality} name="municipalityId" error={errors.municipalityId}>
          {(p) => (
            <select {...p} defaultValue={values.municipalityId ?? ''}>
              <option value="">{f.noMunicipality}</option>
              {options.municipalities.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FieldGroup legend={f.targetGroups} error={errors.targetGroups} className="field library-form__checkboxes">
          <ul>
            {TARGET_GROUPS.map((group) => (
              <li key={group}>
                <label>
                  <input type="checkbox" name="targetGroups" value={group} defaultChecked={values.targetGroups?.includes(group)} />{' '}
                  {t.library.targetGroups[group]}
                </label>
              </li>
            ))}
          </ul>
        </FieldGroup>
      </fieldset>

      <fieldset className="library-form__group">
        <legend>{f.linksLegend}</legend>
        <LinkChoices
          legend={f.goals}
          name="goalIds"
          error={errors.goalIds}
          checked={values.goalIds}
          groups={groupConsecutive(options.goals, (goal) => `${goal.themeCode} ${goal.themeTitle}`).map((group) => ({
            label: group.label,
            choices: group.items.map((goal) => ({ id: goal.id, label: `${goal.code} ${goal.title}` })),
          }))}
        />
        {actionField ? (
          <LibraryActionsField
            chosen={actionField.chosen}
            value={values.actionChoice ?? ''}
            errors={{ actionIds: errors.actionIds, actionChoice: errors.actionChoice }}
          />
        ) : (
          <LinkChoices
            legend={f.actions}
            name="actionIds"
            error={errors.actionIds}
            checked={values.actionIds}
            groups={groupConsecutive(options.actions ?? [], (action) => action.goalCode).map((group) => ({
              label: goalLabel(group.label, options.goals),
              choices: group.items.map((action) => ({
                id: action.id,
                label: action.code ? `${action.code} ${action.title}` : action.title,
              })),
            }))}
          />
        )}
        <LinkChoices
          legend={f.meetings}
          name="meetingIds"
          error={errors.meetingIds}
          checked={values.meetingIds}
          groups={[
            {
              label: null,
              choices: options.meetings.map((meeting) => ({
                id: meeting.id,
                label: `${meeting.title} (${formatDateTime(meeting.startsAt)})`,
              })),
            },
          ]}
        />
      </fieldset>

      {kind === 'document' ? (
        <Field label={isNew ? f.file : f.replaceFile} name="file" error={errors.file} hint={isNew ? f.fileHint : f.replaceFileHint}>
          {(p) => <input {...p} type="file" accept={UPLOAD_ACCEPT} required={isNew} />}
        </Field>
      ) : null}
    </EditForm>
  );
}

type ChoiceGroup = { label: string | null; choices: { id: number; label: string }[] };

/** "1.3.b Title of the goal" for an action group, from the goal's code. */
function goalLabel(code: string, goals: LibraryFormOptions['goals']): string {
  const goal = goals.find((g) => g.code === code);
  return goal ? `${goal.code} ${goal.title}` : code;
}

/**
 * Things to link to, as checkboxes in a scrolling box, grouped under their theme or goal —
 * instead of a multiple select, which needs Ctrl-click, is hard on a phone and cuts long
 * titles off. Each checkbox posts `name=id`, exactly as the select did.
 */
function LinkChoices({
  legend,
  name,
  error,
  checked = [],
  groups,
}: {
  legend: string;
  name: string;
  error: string | undefined;
  checked: string[] | undefined;
  groups: ChoiceGroup[];
}) {
  const box = useRef<HTMLDivElement>(null);
  // A preselected link (?actie=, or on edit) may lie below the box's fold: show the first one.
  useEffect(() => {
    const element = box.current;
    const first = element?.querySelector<HTMLInputElement>('input:checked');
    if (element && first)
      element.scrollTop += first.getBoundingClientRect().top - element.getBoundingClientRect().top - element.clientHeight / 3;
  }, []);
  const isEmpty = groups.every((group) => group.choices.length === 0);
  const list = (choices: ChoiceGroup['choices']) => (
    <ul>
      {choices.map((choice) => (
        <li key={choice.id}>
          <label>
            <input type="checkbox" name={name} value={choice.id} defaultChecked={checked.includes(String(choice.id))} />
            <span>{choice.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );
  return (
    <FieldGroup legend={legend} error={error} className="field library-form__choices">
      {isEmpty ? (
        <p className="muted">{f.nothingToLink}</p>
      ) : (
        <div className="library-form__choice-box" ref={box}>
          {groups.map((group, index) =>
            group.label === null ? (
              <div key={index}>{list(group.choices)}</div>
            ) : (
              <fieldset key={group.label} className="library-form__choice-group">
                <legend>{group.label}</legend>
                {list(group.choices)}
              </fieldset>
            ),
          )}
        </div>
      )}
    </FieldGroup>
  );
}
