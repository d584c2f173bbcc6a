/**
 * Keeps a meeting's notes structured by its agenda: one level-2 heading per agenda point,
 * in agenda order, with the point's current title. The agenda pages call
 * `syncNotesOutline` after every change to the agenda; the notes page calls it when it
 * opens an empty document.
 *
 * People's notes are never deleted: a missing heading is added before the heading of the
 * next point (or at the end), a renamed point's heading gets the new text, and the heading
 * of a removed point stays as a plain paragraph. Headings are not moved when the agenda is
 * reordered: moving a section in Yjs means deleting and re-inserting it, which would lose
 * what someone typed in it offline.
 */
import { asc, eq } from 'drizzle-orm';
import * as Y from 'yjs';

import { agendaPoints } from '../../../../db/schema';
import { db } from '../../../utils/db.server';
import { NOTES_FIELD } from '../../collab/document-store.server';
import { editLiveDocument } from '../../collab/live-bridge.server';
import { AGENDA_HEADING_LEVEL, attrId, NOTES_ATTRS, NOTES_NODES, notesDocumentName } from './notes-nodes';

export type OutlinePoint = { id: number; title: string };

/** A meeting's agenda points in agenda order. */
export function listOutlinePoints(meetingId: number): OutlinePoint[] {
  return db
    .select({ id: agendaPoints.id, title: agendaPoints.title })
    .from(agendaPoints)
    .where(eq(agendaPoints.meetingId, meetingId))
    .orderBy(asc(agendaPoints.position), asc(agendaPoints.id))
    .all();
}

export function syncNotesOutline(meetingId: number): void {
  const points = listOutlinePoints(meetingId);
  editLiveDocument(notesDocumentName(meetingId), (doc) => applyOutline(doc.getXmlFragment(NOTES_FIELD), points));
}

/** Brings the top-level agenda headings of `fragment` in line with `points` (see above). */
export function applyOutline(fragment: Y.XmlFragment, points: OutlinePoint[]): void {
  const titles = new Map(points.map((p) => [p.id, p.title]));
  const present = new Set<number>();

  const children = fragment.toArray();
  for (let index = 0; index < children.length; index++) {
    const heading = asAgendaHeading(children[index]);
    if (!heading) continue;
    const title = titles.get(heading.id);
    if (title === undefined) {
      replaceWithParagraph(fragment, index, heading.element);
    } else if (present.has(heading.id)) {
      // A copy (pasted, or split by an old client): an ordinary heading from now on.
      heading.element.removeAttribute(NOTES_ATTRS.agendaPointId);
    } else {
      present.add(heading.id);
      updateHeading(heading.element, title);
    }
  }

  points.forEach((point, k) => {
    if (present.has(point.id)) return;
    const next = points.slice(k + 1).find((p) => present.has(p.id));
    const index = next ? indexOfAgendaHeading(fragment, next.id) : fragment.length;
    fragment.insert(index, [agendaHeading(point), new Y.XmlElement(NOTES_NODES.paragraph)]);
    present.add(point.id);
  });
}

function asAgendaHeading(node: unknown): { element: Y.XmlElement; id: number } | null {
  if (!(node instanceof Y.XmlElement) || node.nodeName !== NOTES_NODES.heading) return null;
  const id = attrId(node.getAttribute(NOTES_ATTRS.agendaPointId));
  return id === null ? null : { element: node, id };
}

function indexOfAgendaHeading(fragment: Y.XmlFragment, pointId: number): number {
  const index = fragment.toArray().findIndex((node) => asAgendaHeading(node)?.id === pointId);
  return index === -1 ? fragment.length : index;
}

function agendaHeading(point: OutlinePoint): Y.XmlElement {
  const heading = new Y.XmlElement(NOTES_NODES.heading);
  setNumber(heading, NOTES_ATTRS.level, AGENDA_HEADING_LEVEL);
  setNumber(heading, NOTES_ATTRS.agendaPointId, point.id);
  heading.insert(0, [new Y.XmlText(point.title)]);
  return heading;
}

/** Numbers stay numbers, as y-prosemirror stores ProseMirror attrs (Yjs' typings say string). */
function setNumber(element: Y.XmlElement, key: string, value: number) {
  element.setAttribute(key, value as unknown as string);
}

function textOf(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toString() : ''))
    .join('');
}

function updateHeading(heading: Y.XmlElement, title: string) {
  if (Number(heading.getAttribute(NOTES_ATTRS.level)) !== AGENDA_HEADING_LEVEL) setNumber(heading, NOTES_ATTRS.level, AGENDA_HEADING_LEVEL);
  if (textOf(heading) === title && heading.length === 1) return;
  heading.delete(0, heading.length);
  heading.insert(0, [new Y.XmlText(title)]);
}

/** Yjs cannot rename an element: the paragraph is a new element with copies of the heading's content. */
function replaceWithParagraph(fragment: Y.XmlFragment, index: number, heading: Y.XmlElement) {
  const paragraph = new Y.XmlElement(NOTES_NODES.paragraph);
  paragraph.insert(0, heading.toArray().map((child) => child.clone()) as (Y.XmlElement | Y.XmlText)[]);
  fragment.delete(index, 1);
  fragment.insert(index, [paragraph]);
}
