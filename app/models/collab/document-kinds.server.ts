/**
 * The kinds of real-time document, one entry each. A document is named `<kind>.<id>`
 * (`meeting.12`, the notes of meeting 12); the entry of its kind says whether document
 * `id` exists and who may read or write it, by asking the permission rules
 * (app/models/permissions.ts). The real-time server admits a connection with
 * `documentAccess`, and pages showing a document ask the same.
 *
 * This sits above the store (document-store.server.ts) and the live bridge: neither
 * imports it, so the domain modules an entry needs may themselves edit live documents.
 *
 * Adding a kind is one entry in KINDS: how to find the facts its permission rule needs
 * (null: no such document), and that rule.
 */
import { db } from '../../utils/db.server';
import { meetingExists } from '../meetings/meeting.server';
import { periodOfTheme } from '../periods/period-guard.server';
import { type Actor, agendaChapterAccess, type DocumentAccess, meetingNotesAccess, yearReportSectionAccess } from '../permissions';
import { reportOfSection } from '../reports/year-report.server';

type DocumentKindEntry = {
  /** What `actor` may do with document `id` of this kind; 'none' when it does not exist. */
  access(actor: Actor, id: number): DocumentAccess;
};

/** Ties a kind's lookup to its permission rule, so the facts one finds are the facts the other reads. */
function documentKind<Facts>({
  find,
  access,
}: {
  /** The facts about document `id` the rule needs, or null when there is no such document. */
  find: (id: number) => Facts | null;
  access: (actor: Actor, facts: Facts) => DocumentAccess;
}): DocumentKindEntry {
  return {
    access(actor, id) {
      const facts = find(id);
      return facts === null ? 'none' : access(actor, facts);
    },
  };
}

const KINDS = {
  /** A meeting's live notes (notesDocumentName in meetings/notes/notes-nodes.ts). */
  meeting: documentKind({ find: (id) => (meetingExists(id) ? {} : null), access: meetingNotesAccess }),
  /** A chapter's narrative text of an agenda (chapterDocumentName in periods/chapter-text.ts), by its period. */
  'agenda-chapter': documentKind({ find: (id) => periodOfTheme(db, id) ?? null, access: agendaChapterAccess }),
  /** A narrative section of a yearly report (yearReportSectionDocumentName in reports/year-report.ts), by its report's status. */
  'year-report-section': documentKind({ find: (id) => reportOfSection(id) ?? null, access: yearReportSectionAccess }),
} satisfies Record<string, DocumentKindEntry>;

export type DocumentKind = keyof typeof KINDS;

// Lower-case words joined by hyphens (`agenda-chapter`), a dot, an id without a leading zero.
const NAME_PATTERN = /^([a-z]+(?:-[a-z]+)*)\.([1-9][0-9]{0,14})$/;

function isDocumentKind(kind: string): kind is DocumentKind {
  return Object.hasOwn(KINDS, kind);
}

/** `meeting.12` → { kind: 'meeting', id: 12 }; a malformed name or an unknown kind → null. */
export function parseDocumentName(name: string): { kind: DocumentKind; id: number } | null {
  const match = NAME_PATTERN.exec(name);
  if (!match || !isDocumentKind(match[1])) return null;
  return { kind: match[1], id: Number(match[2]) };
}

/** What an actor may do with the document `name`; 'none' also for malformed names and missing documents. */
export function documentAccess(actor: Actor, name: string): DocumentAccess {
  const parsed = parseDocumentName(name);
  if (!parsed) return 'none';
  return KINDS[parsed.kind].access(actor, parsed.id);
}
