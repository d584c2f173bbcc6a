import { Form } from '@remix-run/react';

import { t } from '../../i18n';

const a = t.meetings.attendance;

export type AttendeeView = { id: number; name: string; organisation: string; attended: boolean | null; guest: boolean };

function AttendanceButton({ attendee, attended }: { attendee: AttendeeView; attended: boolean }) {
  const current = attendee.attended === attended;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="attendance" />
      <input type="hidden" name="attendeeId" value={String(attendee.id)} />
      <input type="hidden" name="attended" value={attended ? 'ja' : 'nee'} />
      <button
        type="submit"
        className={`button button--small${current ? '' : ' button--secondary'}`}
        aria-label={attended ? a.markPresent(attendee.name) : a.markAbsent(attendee.name)}
        aria-pressed={current}
      >
        {attended ? a.presentShort : a.absentShort}
      </button>
    </Form>
  );
}

/** Attendees and guests with their attendance; editors mark each present or absent (one POST per button). */
export function AttendanceTable({ attendees, mayEdit }: { attendees: AttendeeView[]; mayEdit: boolean }) {
  if (attendees.length === 0) return <p className="muted">{a.none}</p>;
  return (
    <div className="table-wrap">
      <table className="data attendance-table">
        <caption>{a.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.name}</th>
            <th scope="col">{a.organisation}</th>
            <th scope="col">{a.state}</th>
          </tr>
        </thead>
        <tbody>
          {attendees.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.name}
                {person.guest ? <span className="muted"> ({a.guest})</span> : null}
              </th>
              <td>{person.organisation}</td>
              <td>
                {person.attended === null ? (
                  <span className="muted">{a.unknown}</span>
                ) : (
                  <span className={`attendance-state--${person.attended ? 'ja' : 'nee'}`}>{person.attended ? a.present : a.absent}</span>
                )}
                {mayEdit ? (
                  <div className="attendance-controls">
                    <AttendanceButton attendee={person} attended />
                    <AttendanceButton attendee={person} attended={false} />
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
