/**
 * Test-only: puts a meeting with agenda points and written notes into the database of a
 * running Koers server, for tests/e2e/meeting-round.spec.ts (see minutes-seed.ts for why
 * not through the UI). Run with KOERS_DATABASE set to that server's database and one JSON
 * argument (MeetingSeed below); prints `{"meetingId": <id>, "pointIds": [...]}`.
 */
import * as Y from 'yjs';

import { appendUpdates, NOTES_FIELD } from '../../app/models/collab/document-store.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';
import { db } from '../../app/utils/db.server';
import { agendaPoints } from '../../db/schema';

type MeetingSeed = {
  title: string;
  startsAt: string;
  durationMinutes?: number;
  points: { title: string; duration?: number; goalId?: number }[];
  /** Sections of the notes in document order: the agenda point (index into points) and its lines. */
  notes?: { point: number; lines: string[] }[];
};

const seed = JSON.parse(process.argv[2]) as MeetingSeed;
const meeting = createMeeting({
  title: seed.title,
  kind: 'werkgroep',
  startsAt: seed.startsAt,
  durationMinutes: seed.durationMinutes,
  place: 'Stadhuis Haarlem',
  createdBy: null,
});
const pointIds = seed.points.map(
  (p, i) =>
    db
      .insert(agendaPoints)
      .values({ meetingId: meeting.id, position: i + 1, title: p.title, durationMinutes: p.duration ?? null, goalId: p.goalId ?? null })
      .returning({ id: agendaPoints.id })
      .get().id,
);

if (seed.notes) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.transact(() => {
    const fragment = doc.getXmlFragment(NOTES_FIELD);
    const block = (name: string, text: string, attrs: Record<string, number> = {}) => {
      const element = new Y.XmlElement(name);
      for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as unknown as string);
      fragment.insert(fragment.length, [element]);
      const xmlText = new Y.XmlText();
      element.insert(0, [xmlText]);
      xmlText.insert(0, text);
    };
    for (const section of seed.notes!) {
      block('heading', seed.points[section.point].title, { level: 2, agendaPointId: pointIds[section.point] });
      for (const line of section.lines) block('paragraph', line);
    }
  });
  appendUpdates(notesDocumentName(meeting.id), updates);
  doc.destroy();
}

process.stdout.write(JSON.stringify({ meetingId: meeting.id, pointIds }));
