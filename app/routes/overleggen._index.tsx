import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { MeetingTable } from '../components/meetings/meeting-table';
import { ListPageHead } from '../components/tracker/list-page-head';
import { t } from '../i18n';
import { listMeetings } from '../models/meetings/meeting.server';
import { canEditMeetings } from '../models/permissions';
import meetingsCss from '../styles/meetings.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';

const m = t.meetings;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: meetingsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(m.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return { ...listMeetings(), mayEdit: canEditMeetings(actor) };
}

export default function MeetingsPage() {
  const { upcoming, past, mayEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <ListPageHead title={m.title} lead={m.intro} add={mayEdit ? { to: '/overleggen/nieuw', label: m.newMeeting } : null} />
      <section aria-labelledby="komend">
        <h2 id="komend">{m.upcoming}</h2>
        {upcoming.length === 0 ? <p className="muted">{m.noUpcoming}</p> : <MeetingTable rows={upcoming} caption={m.upcomingCaption} />}
      </section>
      <section aria-labelledby="eerder">
        <h2 id="eerder">{m.past}</h2>
        {past.length === 0 ? <p className="muted">{m.noPast}</p> : <MeetingTable rows={past} caption={m.pastCaption} />}
      </section>
    </>
  );
}
