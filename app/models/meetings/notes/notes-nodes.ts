/**
 * The shape of a meeting's notes: the ProseMirror node and mark names the Tiptap editor
 * uses, which Yjs stores as XmlElement names (and mark attributes) in the fragment
 * `default`. A contract between the editor, the server-side outline sync, the demo seed,
 * the minutes export and search. Browser-safe: no server or editor imports.
 */
/** The XmlFragment the notes live in: Tiptap's Collaboration default (the server's NOTES_FIELD is this value). */
export const NOTES_FRAGMENT = 'default';

export const NOTES_NODES = {
  heading: 'heading',
  paragraph: 'paragraph',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  /** A soft line break (Shift+Enter) inside a textblock. */
  hardBreak: 'hardBreak',
  /** An atom: a tracker action created from the notes. */
  actionItem: 'actionItem',
  /** An atom: a decision recorded from the notes. */
  decision: 'decision',
  /** An inline atom: a person named with `@` (attrs `id`, `label`); shown as `@Naam` everywhere. */
  mention: 'mention',
} as const;

export const NOTES_MARKS = { bold: 'bold', italic: 'italic' } as const;

/** Node attributes, as stored (XmlElement attributes). */
export const NOTES_ATTRS = {
  /** heading: 1–3; the agenda outline uses level 2. */
  level: 'level',
  /** heading: the agenda point it stands for (absent on headings people typed). */
  agendaPointId: 'agendaPointId',
  /** actionItem: actions.id. */
  actionId: 'actionId',
  /** decision: decisions.id. */
  decisionId: 'decisionId',
  /** mention: users.id of the person named. */
  mentionId: 'id',
  /** mention: the person's name as it was when they were mentioned. */
  mentionLabel: 'label',
} as const;

/** How a mention reads in text, on the page and in the minutes: `@Anouk de Vries`. */
export function mentionText(attrs: Record<string, unknown> | undefined): string {
  const label = attrs?.[NOTES_ATTRS.mentionLabel];
  return `@${typeof label === 'string' && label.trim() !== '' ? label : '?'}`;
}

/** The heading level of an agenda point's heading. */
export const AGENDA_HEADING_LEVEL = 2;

/** The Yjs document of a meeting's notes. */
export function notesDocumentName(meetingId: number): string {
  return `meeting.${meetingId}`;
}

/** A positive integer id from a stored attribute (a number, or a string after a round trip through HTML). */
export function attrId(value: unknown): number | null {
  const n = typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[] };

/** The ids an attribute holds across the nodes of one type in ProseMirror JSON (e.g. every actionItem's actionId). */
export function collectNodeIds(node: JsonNode, type: string, attr: string, into: number[] = []): number[] {
  if (node.type === type) {
    const id = attrId(node.attrs?.[attr]);
    if (id !== null) into.push(id);
  }
  for (const child of node.content ?? []) collectNodeIds(child, type, attr, into);
  return into;
}
