import { t } from '../../i18n';
import { TEXT_LIMITS } from '../../schemas/limits';
import { type MeetingFormValues, readGuests } from '../../schemas/meeting';
import type { FieldErrors } from '../../utils/forms';
import { EditForm } from '../forms/edit-form';
import { Field, FieldGroup } from '../forms/field';

const f = t.meetings.form;

export type AttendeeGroups = { organisation: string; people: { id: number; name: string }[] }[];

/** Empty guest rows offered after the filled ones; more appear after saving (no script needed). */
const EMPTY_GUEST_ROWS = 2;

/**
 * The meeting form (new and edit): title, kind, date, time, duration, place or link,
 * attendees as checkboxes grouped by organisation, guests as repeated name/organisation
 * pairs, and on the edit form the status. A plain POST.
 */
export function MeetingForm({
  values,
  errors,
  attendeeOptions,
  submitLabel,
  cancelTo,
  statusChoice,
}: {
  values: MeetingFormValues;
  errors: FieldErrors;
  attendeeOptions: AttendeeGroups;
  submitLabel: string;
  cancelTo: string;
  /** 'choose' on the edit form, 'fixed' once the minutes are published, 'none' for a new meeting. */
  statusChoice: 'choose' | 'fixed' | 'none';
}) {
  const chosen = new Set((values.attendeeIds ?? '').split(',').filter(Boolean));
  const guests = [...readGuests(values.guests), ...Array.from({ length: EMPTY_GUEST_ROWS }, () => ({ name: '', organisation: '' }))];
  return (
    <EditForm errors={errors} submitLabel={submitLabel} cancelTo={cancelTo} className="form meeting-form">
      <Field label={f.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" defaultValue={values.title ?? ''} required maxLength={TEXT_LIMITS.shortTitle} />}
      </Field>
      <Field label={f.kind} name="kind" error={errors.kind}>
        {(p) => (
          <select {...p} defaultValue={values.kind ?? 'werkgroep'}>
            {(['werkgroep', 'bestuurlijk', 'kennisdeling'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t.meetings.kinds[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid-form">
        <Field label={f.date} name="date" error={errors.date} hint={f.dateHint}>
          {(p) => <input {...p} type="date" defaultValue={values.date ?? ''} required />}
        </Field>
        <Field label={f.time} name="time" error={errors.time} hint={f.timeHint}>
          {(p) => <input {...p} type="time" defaultValue={values.time ?? '10:00'} required />}
        </Field>
        <Field label={f.duration} name="duration" error={errors.duration}>
          {(p) => (
            <input {...p} type="number" min={5} max={600} step={5} inputMode="numeric" defaultValue={values.duration ?? '120'} required />
          )}
        </Field>
      </div>
      <Field label={f.place} name="place" error={errors.place} hint={f.placeHint}>
        {(p) => <input {...p} type="text" defaultValue={values.place ?? ''} maxLength={TEXT_LIMITS.place} />}
      </Field>
      {statusChoice === 'choose' ? (
        <Field label={f.status} name="status" error={errors.status} hint={f.statusHint}>
          {(p) => (
            <select {...p} defaultValue={values.status ?? 'gepland'}>
              <option value="gepland">{t.meetings.statuses.gepland}</option>
              <option value="gehouden">{t.meetings.statuses.gehouden}</option>
            </select>
          )}
        </Field>
      ) : null}
      {statusChoice === 'fixed' ? <p className="notice">{f.statusFixed}</p> : null}

      <FieldGroup legend={f.attendees} hint={f.attendeesHint} error={errors.attendeeIds} className="checkbox-group">
        {attendeeOptions.map((group) => (
          <div key={group.organisation}>
            <p className="checkbox-group__org">{group.organisation}</p>
            <ul>
              {group.people.map((person) => (
                <li key={person.id}>
                  <label className="checkbox-row">
                    <input type="checkbox" name="attendeeIds" value={String(person.id)} defaultChecked={chosen.has(String(person.id))} />
                    <span>{person.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </FieldGroup>

      <FieldGroup legend={f.guests} hint={f.guestsHint} error={errors.guests} className="checkbox-group">
        {guests.map((guest, i) => (
          <div className="guest-row" key={i}>
            <Field label={f.guestName(i + 1)} name="guestName">
              {(p) => <input {...p} type="text" defaultValue={guest.name} maxLength={TEXT_LIMITS.label} autoComplete="off" />}
            </Field>
            <Field label={f.guestOrganisation(i + 1)} name="guestOrganisation">
              {(p) => <input {...p} type="text" defaultValue={guest.organisation} maxLength={TEXT_LIMITS.label} autoComplete="off" />}
            </Field>
          </div>
        ))}
      </FieldGroup>
    </EditForm>
  );
}
