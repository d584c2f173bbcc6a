import { eq } from 'drizzle-orm';
import { MEETING_KINDS, meetings } from '../../db/schema';
import { db } from '../utils/db.server';

// Minimal for now: the real-time notes need to know a meeting exists. The meetings
// pages (issue 3, section 1) extend this module.

export type MeetingKind = (typeof MEETING_KINDS)[number];

export function createMeeting(input: {
  title: string;
  kind: MeetingKind;
  startsAt: string;
  place?: string;
  createdBy: number | null;
}): { id: number } {
  return db
    .insert(meetings)
    .values({ title: input.title, kind: input.kind, startsAt: input.startsAt, place: input.place ?? '', createdBy: input.createdBy })
    .returning({ id: meetings.id })
    .get();
}

export function meetingExists(id: number): boolean {
  return db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, id)).get() !== undefined;
}
