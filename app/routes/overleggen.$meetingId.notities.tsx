import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { lazy, Suspense, useEffect, useState } from 'react';

import { MeetingBreadcrumbs } from '../components/meetings/meeting-breadcrumbs';
import { NotesHtml } from '../components/meetings/notes/notes-html';
import { presenceColour } from '../components/meetings/notes/presence-colour';
import { t } from '../i18n';
import { documentAccess } from '../models/collab/document-kinds.server';
import { actionFieldOf, meetingActionPeriod } from '../models/meetings/action-choice.server';
import { agendaPointGoals } from '../models/meetings/agenda-point.server';
import { listMeetingDecisions } from '../models/meetings/decision.server';
import { meetingHasStarted, meetingName } from '../models/meetings/meeting-time';
import { readNotesJson } from '../models/meetings/notes/notes-document.server';
import { getNotesMeeting, listActionItemStatuses } from '../models/meetings/notes/notes-item.server';
import { collectNodeIds, NOTES_ATTRS, NOTES_NODES, notesDocumentName } from '../models/meetings/notes/notes-nodes';
import { listOutlinePoints, syncNotesOutline } from '../models/meetings/notes/notes-outline.server';
import { listActionFormOptions } from '../models/tracker/action.server';
import notesCss from '../styles/notes.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDateTime } from '../utils/date-time';
import { requireFound, requireIdParam } from '../utils/http.server';

// The editor (Tiptap + Yjs, ~500 KB) is its own chunk, fetched only after this page hydrates.
const LiveNotes = lazy(() => import('../components/meetings/notes/live-notes.client'));

const n = t.notes;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: notesCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? n.pageTitle(data.meetingName) : t.common.errors.notFoundTitle) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const meetingId = requireIdParam(params.meetingId);
  const meeting = requireFound(getNotesMeeting(meetingId));
  const name = notesDocumentName(meetingId);
  const mayEdit = documentAccess(actor, name) === 'write';

  const agendaPoints = listOutlinePoints(meetingId);
  let notes = readNotesJson(name);
  // A fresh document starts with the agenda's headings.
  if ((notes.content ?? []).length === 0 && agendaPoints.length > 0) {
    syncNotesOutline(meetingId);
    notes = readNotesJson(name);
  }
  const formOptions = mayEdit ? listActionFormOptions() : null;
  return {
    meeting,
    meetingName: meetingName(meeting),
    // Decisions are recorded once the meeting has begun (the route refuses them before).
    decisionsOpen: meetingHasStarted(meeting.startsAt),
    agendaPoints,
    me: { id: user.id, name: user.name, colour: presenceColour(user.id) },
    mayEdit,
    notes,
    actionItems: listActionItemStatuses({ meetingId, ids: collectNodeIds(notes, NOTES_NODES.actionItem, NOTES_ATTRS.actionId) }),
    decisions: listMeetingDecisions({ meetingId }),
    // What the action item and decision forms offer (only to those who may use them).
    goals: formOptions?.goals.map((g) => ({ id: g.id, code: g.code, title: g.title })) ?? [],
    users: formOptions?.users.map((u) => ({ id: u.id, name: u.name })) ?? [],
    organisations: formOptions?.organisations.map((o) => ({ id: o.id, name: o.name })) ?? [],
    // The goal an action item about an agenda point belongs to, by default.
    pointGoals: mayEdit ? agendaPointGoals(meetingId) : {},
    // The decision dialog's action field: the meeting's period's actions, listed where they
    // are few, else suggested as one types (decision 037); not every action of the workspace.
    actionField: mayEdit ? actionFieldOf(meetingActionPeriod(meeting)) : null,
  };
}

export default function MeetingNotesPage() {
  const data = useLoaderData<typeof loader>();
  const { meeting, mayEdit } = data;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const stored = <NotesHtml doc={data.notes} actions={data.actionItems} decisions={data.decisions} />;
  return (
    <article className="notes-page">
      <MeetingBreadcrumbs meeting={meeting} current={n.heading} />
      <h1>{n.pageTitle(data.meetingName)}</h1>
      <p className="muted">
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time>
      </p>
      {mayEdit ? <p>{n.intro}</p> : <p className="notice">{n.readOnlyNotice}</p>}
      <noscript>
        <p className="notice">{n.noScriptNotice}</p>
      </noscript>
      {hydrated ? (
        <Suspense
          fallback={
            <>
              <p className="muted">{n.loading}</p>
              {stored}
            </>
          }
        >
          <LiveNotes
            meetingId={meeting.id}
            me={data.me}
            mayEdit={mayEdit}
            actionItems={data.actionItems}
            decisions={data.decisions}
            goals={data.goals}
            users={data.users}
            organisations={data.organisations}
            pointGoals={data.pointGoals}
            decisionsOpen={data.decisionsOpen}
            actionField={data.actionField}
            fallback={stored}
          />
        </Suspense>
      ) : (
        stored
      )}
    </article>
  );
}
