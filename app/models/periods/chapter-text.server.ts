/**
 * Reading and starting a chapter's narrative text on the server. A chapter nobody has
 * written in yet starts with the agenda's three questions as headings, so every chapter
 * of the next agenda answers the same questions as the 2020–2024 one did.
 */
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';

import { themes } from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import { readDocumentJson } from '../collab/document-json.server';
import { NOTES_FIELD } from '../collab/document-store.server';
import { editLiveDocument } from '../collab/live-bridge.server';
import { NOTES_ATTRS, NOTES_NODES } from '../meetings/notes/notes-nodes';
import { chapterDocumentName } from './chapter-text';

const QUESTION_LEVEL = 2;

/** The chapter `themeId` of the period `periodId`, or undefined when it is not one of its chapters. */
export function getPeriodChapter(periodId: number, themeId: number) {
  return db
    .select({ id: themes.id, code: themes.code, title: themes.title })
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.agendaId, periodId)))
    .get();
}

/** The chapter's text as ProseMirror JSON, from the stored document (empty `content`: nothing written). */
export function readChapterText(themeId: number) {
  return readDocumentJson(chapterDocumentName(themeId));
}

/**
 * Puts the three questions in an empty chapter document. Idempotent, also when two
 * people open the empty chapter at once: the check runs inside the document's edit.
 */
export function startChapterText(themeId: number): void {
  editLiveDocument(chapterDocumentName(themeId), (doc) => {
    const fragment = doc.getXmlFragment(NOTES_FIELD);
    if (fragment.length > 0) return;
    fragment.insert(
      0,
      t.periods.chapterText.questions.flatMap((question) => [questionHeading(question), new Y.XmlElement(NOTES_NODES.paragraph)]),
    );
  });
}

function questionHeading(question: string): Y.XmlElement {
  const heading = new Y.XmlElement(NOTES_NODES.heading);
  // A number, as y-prosemirror stores ProseMirror attrs (Yjs' typings say string).
  heading.setAttribute(NOTES_ATTRS.level, QUESTION_LEVEL as unknown as string);
  heading.insert(0, [new Y.XmlText(question)]);
  return heading;
}
