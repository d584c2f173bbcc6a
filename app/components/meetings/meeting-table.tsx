import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import { MeetingKindLabel, MeetingPlace, MeetingStatusBadge, MeetingWhen } from './meeting-bits';

const c = t.meetings.columns;

export type MeetingTableRow = {
  id: number;
  title: string;
  kind: 'werkgroep' | 'bestuurlijk' | 'kennisdeling';
  startsAt: string;
  durationMinutes: number;
  place: string;
  status: 'gepland' | 'gehouden' | 'vastgesteld';
  attendeeCount: number;
};

/** A list of meetings as a table: title (link), when, kind, place, status, number of attendees. */
export function MeetingTable({ rows, caption }: { rows: MeetingTableRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data meeting-table card-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.title}</th>
            <th scope="col">{c.when}</th>
            <th scope="col">{c.kind}</th>
            <th scope="col">{c.place}</th>
            <th scope="col">{c.status}</th>
            <th scope="col" className="numeric">
              {c.attendees}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/overleggen/${m.id}`}>{m.title}</Link>
              </th>
              <td data-label={c.when}>
                <MeetingWhen startsAt={m.startsAt} durationMinutes={m.durationMinutes} />
              </td>
              <td data-label={c.kind}>
                <MeetingKindLabel kind={m.kind} />
              </td>
              <td className="meeting-table__place" data-label={c.place}>
                <MeetingPlace place={m.place} />
              </td>
              <td data-label={c.status}>
                <MeetingStatusBadge status={m.status} />
              </td>
              <td className="numeric" data-label={c.attendees}>
                {m.attendeeCount}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
