/**
 * The published minutes ("verslag") as data: the frozen document stored in
 * minutes_versions.json, and one reading of it as blocks (headings, paragraphs, lists,
 * action items, decisions) that the page, the .docx and the PDF all render, so the three
 * say the same thing in the same words. Browser-safe: no server imports.
 *
 * The frozen document is ProseMirror JSON of the notes (NOTES_NODES), with two additions
 * made when it is published, so that it never depends on live data again:
 * - `doc.attrs.meeting` and `doc.attrs.attendees`: the meeting and who was there;
 * - each actionItem/decision node's `attrs.frozen`: the action or decision as it was.
 */
import { t } from '../../i18n';
import { formatDateTime, formatLongDay } from '../../utils/date-time';
import { ACTION_STATUS_LABELS, type ActionStatus, isActionStatus } from '../tracker/action-status';
import { attrId, mentionText, NOTES_ATTRS, NOTES_MARKS, NOTES_NODES } from './notes/notes-nodes';

/** A ProseMirror JSON node (the shape fragmentToJson gives). */
export type MinutesNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: MinutesNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

export type MinutesMeeting = { title: string; kind: string; startsAt: string; place: string };

/** A participant: a Koers user or a guest; `attended` null when attendance was not marked. */
export type MinutesAttendee = { name: string; organisation: string | null; guest: boolean; attended: boolean | null };

export type FrozenActionItem = {
  found: boolean;
  code: string | null;
  title: string;
  ownerName: string | null;
  ownerOrganisation: string | null;
  deadlinePhrase: string | null;
  status: ActionStatus | null;
};

export type FrozenDecision = {
  found: boolean;
  text: string;
  goalCode: string | null;
  goalTitle: string | null;
  actionCode: string | null;
  actionTitle: string | null;
};

export type MinutesDoc = MinutesNode & {
  type: 'doc';
  attrs: { meeting: MinutesMeeting; attendees: MinutesAttendee[] };
};

// ---------------------------------------------------------------------------------------
// Agenda order: the minutes follow the agenda, whatever the order of the notes.

/**
 * The notes with their agenda sections in agenda order. A section is an agenda point's
 * heading with everything after it up to the next agenda heading; what stands before the
 * first agenda heading stays first, and sections of points no longer on the agenda keep
 * their place after the section they followed. The live document is never reordered
 * (moving text in Yjs would lose what someone typed offline): its readings are.
 */
export function orderByAgenda(notes: MinutesNode, pointIds: readonly number[]): MinutesNode {
  const position = new Map(pointIds.map((id, i) => [id, i]));
  const lead: MinutesNode[] = [];
  const sections: { point: number; nodes: MinutesNode[] }[] = [];
  for (const node of notes.content ?? []) {
    const id = node.type === NOTES_NODES.heading ? attrId(node.attrs?.[NOTES_ATTRS.agendaPointId]) : null;
    if (id !== null && position.has(id)) sections.push({ point: position.get(id)!, nodes: [node] });
    else if (sections.length > 0) sections[sections.length - 1].nodes.push(node);
    else lead.push(node);
  }
  // Stable: two sections of one point (a pasted heading) keep their own order.
  const ordered = sections.map((s, i) => ({ ...s, i })).sort((a, b) => a.point - b.point || a.i - b.i);
  return { ...notes, content: [...lead, ...ordered.flatMap((s) => s.nodes)] };
}

// ---------------------------------------------------------------------------------------
// Blocks: what every rendering of the minutes walks.

export type Run = { text: string; bold: boolean; italic: boolean } | { lineBreak: true };

export type Block =
  /** `depth` 0 for the outermost heading level used in the notes, 1 for the next… */
  | { kind: 'heading'; depth: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Block[][] }
  | { kind: 'actionItem'; text: string }
  | { kind: 'decision'; text: string };

/** Heading levels of every rendering: the title, the sections (attendees, minutes), then the notes' own headings. */
export const TITLE_LEVEL = 1;
export const SECTION_LEVEL = 2;
const MAX_LEVEL = 6;
export function notesHeadingLevel(depth: number): number {
  return Math.min(SECTION_LEVEL + 1 + depth, MAX_LEVEL);
}

function headingLevel(node: MinutesNode): number {
  const raw = Number(node.attrs?.[NOTES_ATTRS.level]);
  return Number.isInteger(raw) && raw >= 1 && raw <= 6 ? raw : 1;
}

function minHeadingLevel(nodes: MinutesNode[] | undefined, found = 6): number {
  let min = found;
  for (const node of nodes ?? []) {
    if (node.type === NOTES_NODES.heading) min = Math.min(min, headingLevel(node));
    else min = minHeadingLevel(node.content, min);
  }
  return min;
}

/** The frozen document read as blocks; unknown node types keep their text as paragraphs. */
export function minutesBlocks(doc: MinutesNode): Block[] {
  const minLevel = minHeadingLevel(doc.content);
  return toBlocks(doc.content ?? [], minLevel);
}

function toBlocks(nodes: MinutesNode[], minLevel: number): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case NOTES_NODES.heading: {
        const runs = inlineRuns(node.content);
        if (hasText(runs)) blocks.push({ kind: 'heading', depth: headingLevel(node) - minLevel, runs });
        break;
      }
      case NOTES_NODES.paragraph:
        blocks.push({ kind: 'paragraph', runs: inlineRuns(node.content) });
        break;
      case NOTES_NODES.bulletList:
      case NOTES_NODES.orderedList: {
        const items = (node.content ?? []).map((item) =>
          toBlocks(item.type === NOTES_NODES.listItem ? (item.content ?? []) : [item], minLevel),
        );
        if (items.length > 0) blocks.push({ kind: 'list', ordered: node.type === NOTES_NODES.orderedList, items });
        break;
      }
      case NOTES_NODES.actionItem:
        blocks.push({ kind: 'actionItem', text: actionItemLine(frozenActionItem(node)) });
        break;
      case NOTES_NODES.decision:
        blocks.push({ kind: 'decision', text: decisionLine(frozenDecision(node)) });
        break;
      default:
        if (node.content) blocks.push(...toBlocks(node.content, minLevel));
        else if (node.text) blocks.push({ kind: 'paragraph', runs: [{ text: node.text, bold: false, italic: false }] });
    }
  }
  return blocks;
}

function inlineRuns(nodes: MinutesNode[] | undefined): Run[] {
  const runs: Run[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const marks = new Set((node.marks ?? []).map((m) => m.type));
      runs.push({ text: node.text, bold: marks.has(NOTES_MARKS.bold), italic: marks.has(NOTES_MARKS.italic) });
    } else if (node.type === NOTES_NODES.hardBreak) {
      runs.push({ lineBreak: true });
    } else if (node.type === NOTES_NODES.mention) {
      runs.push({ text: mentionText(node.attrs), bold: false, italic: false });
    } else if (node.type === NOTES_NODES.actionItem) {
      runs.push({ text: actionItemLine(frozenActionItem(node)), bold: false, italic: false });
    } else if (node.type === NOTES_NODES.decision) {
      runs.push({ text: decisionLine(frozenDecision(node)), bold: false, italic: false });
    } else {
      runs.push(...inlineRuns(node.content));
    }
  }
  return runs;
}

function hasText(runs: Run[]): boolean {
  return runs.some((r) => 'text' in r && r.text.trim() !== '');
}

function frozenActionItem(node: MinutesNode): FrozenActionItem {
  const frozen = node.attrs?.frozen as FrozenActionItem | undefined;
  return frozen ?? { found: false, code: null, title: '', ownerName: null, ownerOrganisation: null, deadlinePhrase: null, status: null };
}

function frozenDecision(node: MinutesNode): FrozenDecision {
  const frozen = node.attrs?.frozen as FrozenDecision | undefined;
  return frozen ?? { found: false, text: '', goalCode: null, goalTitle: null, actionCode: null, actionTitle: null };
}

// ---------------------------------------------------------------------------------------
// The words: one line per action item and decision.

const m = t.minutes;

/** "Actie: K12 Taalhuis openen — Anna de Vries (Gemeente Haarlem) — medio 2025 (loopt bij vaststelling)". */
export function actionItemLine(item: FrozenActionItem): string {
  if (!item.found) return m.actionItem.missing;
  const title = item.code ? `${item.code} ${item.title}` : item.title;
  const owner =
    item.ownerName && item.ownerOrganisation
      ? `${item.ownerName} (${item.ownerOrganisation})`
      : (item.ownerName ?? item.ownerOrganisation ?? m.actionItem.noOwner);
  const deadline = item.deadlinePhrase ?? m.actionItem.noDeadline;
  const status = item.status && isActionStatus(item.status) ? ` ${m.actionItem.status(ACTION_STATUS_LABELS[item.status])}` : '';
  return `${m.actionItem.prefix} ${title} — ${owner} — ${deadline}${status}`;
}

/** "Besluit: … (over doel 1.3.a-1 …; actie K12 …)". */
export function decisionLine(decision: FrozenDecision): string {
  if (!decision.found) return m.decision.missing;
  const about = [
    decision.goalCode ? m.decision.goal(decision.goalCode, decision.goalTitle ?? '') : null,
    decision.actionTitle
      ? m.decision.action(decision.actionCode ? `${decision.actionCode} ${decision.actionTitle}` : decision.actionTitle)
      : null,
  ].filter((part): part is string => part !== null);
  return `${m.decision.prefix} ${decision.text}${about.length > 0 ? ` ${m.decision.about(about.join('; '))}` : ''}`;
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => ('text' in r ? r.text : '\n')).join('');
}

/** Plain text of the minutes: one line per textblock, list items prefixed, action items and decisions spelled out. */
export function minutesText(blocks: Block[], indent = ''): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        lines.push(indent + runsText(block.runs));
        break;
      case 'actionItem':
      case 'decision':
        lines.push(indent + block.text);
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const label = block.ordered ? `${i + 1}. ` : '- ';
          const text = minutesText(item, `${indent}  `).replace(/^\s*/, indent + label);
          lines.push(text);
        });
        break;
    }
  }
  return lines.join('\n');
}

/**
 * True when the notes hold nothing to publish: no text, no action item, no decision.
 * Headings alone do not count: the agenda outline puts them into every meeting's notes.
 */
export function isEmptyNotes(doc: MinutesNode): boolean {
  const visit = (node: MinutesNode): boolean =>
    node.type === NOTES_NODES.actionItem ||
    node.type === NOTES_NODES.decision ||
    node.type === NOTES_NODES.mention ||
    (typeof node.text === 'string' && node.text.trim() !== '') ||
    (node.type !== NOTES_NODES.heading && (node.content ?? []).some(visit));
  return !visit(doc);
}

/** The ids the notes refer to, to freeze what they point at. */
export function referencedIds(doc: MinutesNode): { actionIds: number[]; decisionIds: number[] } {
  const actionIds = new Set<number>();
  const decisionIds = new Set<number>();
  const visit = (node: MinutesNode) => {
    if (node.type === NOTES_NODES.actionItem) {
      const id = attrId(node.attrs?.[NOTES_ATTRS.actionId]);
      if (id) actionIds.add(id);
    } else if (node.type === NOTES_NODES.decision) {
      const id = attrId(node.attrs?.[NOTES_ATTRS.decisionId]);
      if (id) decisionIds.add(id);
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return { actionIds: [...actionIds], decisionIds: [...decisionIds] };
}

// ---------------------------------------------------------------------------------------
// Attendees and file names.

export function attendeeGroups(attendees: MinutesAttendee[]) {
  const members = attendees.filter((a) => !a.guest);
  return {
    present: members.filter((a) => a.attended === true),
    absent: members.filter((a) => a.attended === false),
    unmarked: members.filter((a) => a.attended === null),
    guests: attendees.filter((a) => a.guest),
  };
}

/** The attendee lists under their headings, in the order every rendering shows them; empty groups left out. */
export function attendeeSections(attendees: MinutesAttendee[]): { heading: string; names: string[] }[] {
  const groups = attendeeGroups(attendees);
  return [
    { heading: m.attendees.present, people: groups.present },
    { heading: m.attendees.absent, people: groups.absent },
    { heading: m.attendees.unmarked, people: groups.unmarked },
    { heading: m.attendees.guests, people: groups.guests },
  ]
    .filter((g) => g.people.length > 0)
    .map((g) => ({ heading: g.heading, names: g.people.map(attendeeLabel) }));
}

export type PublishedVersion = { version: number; publishedAt: string; publishedByName: string | null };

/** A concept (not adopted) reads as of this moment. */
export type ConceptVersion = { concept: true; readAt: string };

/** What a rendering of the minutes (page, .docx, PDF) takes: the document and which version, or the concept. */
export type RenderableMinutes = { doc: MinutesDoc } & (PublishedVersion | ConceptVersion);

/** Title, date and the meeting's day: "Verslag: Werkgroepoverleg 12 maart 2025". */
export function minutesTitle(meeting: Pick<MinutesMeeting, 'title' | 'startsAt'>): string {
  return m.heading(t.meetings.datedTitle(meeting.title, formatLongDay(meeting.startsAt)));
}

/** The facts above the minutes: title, date and place, which version (or that it is a concept). */
export function minutesFrontMatter(doc: MinutesDoc, published: PublishedVersion | ConceptVersion) {
  const meeting = doc.attrs.meeting;
  return {
    title: minutesTitle(meeting),
    subject: 'concept' in published ? m.concept.subject : m.document.subject,
    meta: [
      { label: m.meta.date, value: formatDateTime(meeting.startsAt) },
      { label: m.meta.place, value: meeting.place.trim() || m.meta.noPlace },
    ],
    versionLine:
      'concept' in published
        ? m.concept.versionLine(formatDateTime(published.readAt))
        : m.versionHeading(published.version, formatDateTime(published.publishedAt), published.publishedByName),
  };
}

/** "Anna de Vries (Gemeente Haarlem)", a guest "Piet Jansen (Nova College, afwezig)". */
export function attendeeLabel(a: MinutesAttendee): string {
  const notes = [a.organisation, a.guest && a.attended === false ? m.attendees.guestAbsent : null].filter(Boolean);
  return notes.length > 0 ? `${a.name} (${notes.join(', ')})` : a.name;
}

function slug(text: string, ascii: boolean): string {
  const base = ascii ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text.normalize('NFC');
  const pattern = ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu;
  return (
    base
      .toLowerCase()
      .replace(pattern, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || t.minutes.fileNameFallback
  );
}

/**
 * The download's file names: `verslag-2024-05-14-werkgroep-mei.docx`, ASCII for the plain
 * `filename` parameter and with the title's own letters for `filename*`. An earlier
 * version gets its number so two downloads never overwrite each other.
 */
export function minutesFileNames({
  date,
  title,
  version,
  ext,
  concept = false,
}: {
  date: string;
  title: string;
  version: number | null;
  ext: string;
  concept?: boolean;
}) {
  const name = (ascii: boolean) =>
    concept ? t.minutes.conceptFileName(date, slug(title, ascii), ext) : t.minutes.fileName(date, slug(title, ascii), version, ext);
  return { ascii: name(true), unicode: name(false) };
}
