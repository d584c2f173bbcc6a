/**
 * The human-editable Markdown outline format for a cooperation agenda
 * ("samenwerkingsagenda"): parser and serializer. The format is documented in
 * docs/agenda-format.md.
 *
 * Pure module: no I/O, no database; its error messages (shown to users) come from
 * the catalogue, t.agendaFile.
 */
import { t } from '../../i18n';

export type ChapterKind = 'onderwerp' | 'randvoorwaarde' | 'context';

export const CHAPTER_KINDS: readonly ChapterKind[] = ['onderwerp', 'randvoorwaarde', 'context'];

export interface ActionItem {
  code: string;
  title: string;
  /** The deadline phrase as written ("medio 2022"), or null. */
  deadline: string | null;
  /** The owning organisation ("trekker"), or null. */
  owner: string | null;
  partners: string[];
  body: string;
}

export interface Goal {
  code: string;
  title: string;
  targetYear: number | null;
  body: string;
  actions: ActionItem[];
}

export interface Chapter {
  code: string;
  title: string;
  kind: ChapterKind;
  body: string;
  goals: Goal[];
}

export interface AgendaDoc {
  title: string;
  period: { start: number; end: number };
  body: string;
  chapters: Chapter[];
}

export interface AgendaParseError {
  /** 1-based line number in the input. */
  line: number;
  /** Dutch message saying what was wrong and what was expected. */
  message: string;
}

export interface ParseAgendaOptions {
  /**
   * Checks a `termijn` phrase; returns null when it is valid, otherwise a
   * (Dutch) message that is reported as-is at the line of the field. Without
   * it, any non-empty phrase is accepted.
   */
  validateDeadline?: (phrase: string) => string | null;
  /**
   * Checks a `trekker` (an organisation name); returns null when it is known,
   * otherwise a (Dutch) message reported as-is at the line of the field. Without
   * it, any name is accepted.
   */
  validateOwner?: (name: string) => string | null;
  /**
   * Checks a code against what the caller knows (e.g. a code that already belongs
   * to something else in the database); returns null when it may be used, otherwise
   * a (Dutch) message reported as-is at the line of the heading.
   */
  validateCode?: (code: string, type: 'chapter' | 'goal' | 'action') => string | null;
}

export type ParseAgendaResult = { ok: true; agenda: AgendaDoc } | { ok: false; errors: AgendaParseError[] };

/** Renders an error the way it is shown to users: `regel 12: …`. */
export function formatAgendaError(error: AgendaParseError): string {
  return t.agendaFile.atLine(error.line, error.message);
}

// ---------------------------------------------------------------------------
// Shared syntax

const HEADING_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const FIELD_RE = /^([A-Za-z][A-Za-z_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const GOAL_HEADING_RE = /^doel[ \t]+([^\s:]+)[ \t]*:[ \t]*(.*)$/i;
const ACTION_HEADING_RE = /^actie[ \t]+([^\s:]+)[ \t]*:[ \t]*(.*)$/i;
const YEAR_RE = /^\d{4}$/;
const PERIOD_RE = /^(\d{4})[ \t]*[-–—][ \t]*(\d{4})$/;

type NodeType = 'agenda' | 'chapter' | 'goal' | 'action';

const FIELDS: Record<NodeType, readonly string[]> = {
  agenda: ['periode'],
  chapter: ['soort'],
  goal: ['doeljaar'],
  action: ['termijn', 'trekker', 'partners'],
};

const NODE_NAME: Record<NodeType, string> = t.agendaFile.nodeNames;

/**
 * Canonical body text: trailing whitespace removed from every line, leading and
 * trailing blank lines dropped, runs of blank lines collapsed to one.
 * Indentation is kept (nested lists).
 */
export function normalizeBody(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n+$/, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------
// Parser

interface OpenNode {
  type: NodeType;
  line: number;
  /** Fields seen so far, with their line numbers. */
  seen: Map<string, number>;
  inFields: boolean;
  bodyLines: string[];
  setBody: (body: string) => void;
  applyField: (key: string, value: string, line: number) => void;
}

export function parseAgenda(text: string, opts: ParseAgendaOptions = {}): ParseAgendaResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: AgendaParseError[] = [];
  const error = (line: number, message: string) => errors.push({ line, message });

  const agenda: AgendaDoc = { title: '', period: { start: 0, end: 0 }, body: '', chapters: [] };
  let titleLine = 0; // line of the "#" heading; 0 = not seen yet
  let structureStarted = false; // a heading of any level was seen
  let contentBeforeTitleReported = false;
  let periodValid = false;

  let chapter: Chapter | null = null;
  let goal: Goal | null = null;
  let node: OpenNode | null = null;
  const codes = new Map<string, number>();

  const claimCode = (code: string, line: number, type: 'chapter' | 'goal' | 'action') => {
    const earlier = codes.get(code);
    if (earlier !== undefined) {
      error(line, t.agendaFile.errors.codeTaken(code, earlier));
      return;
    }
    codes.set(code, line);
    const problem = opts.validateCode?.(code, type) ?? null;
    if (problem !== null) error(line, problem);
  };

  const closeNode = () => {
    if (!node) return;
    node.setBody(normalizeBody(node.bodyLines.join('\n')));
    if (node.type === 'agenda' && !node.seen.has('periode')) {
      error(node.line, t.agendaFile.errors.periodMissing);
    }
    if (node.type === 'chapter' && !node.seen.has('soort')) {
      error(node.line, t.agendaFile.errors.kindMissing);
    }
    node = null;
  };

  const openNode = (
    type: NodeType,
    line: number,
    setBody: (body: string) => void,
    applyField: (key: string, value: string, line: number) => void,
  ) => {
    node = { type, line, seen: new Map(), inFields: true, bodyLines: [], setBody, applyField };
  };

  /** A node whose fields and body are read but discarded (after an unusable heading). */
  const openSink = (type: NodeType, line: number) => {
    openNode(
      type,
      line,
      () => {},
      () => {},
    );
    node!.inFields = false;
    node!.seen.set('periode', line).set('soort', line); // never report missing required fields
  };

  const handleField = (current: OpenNode, rawKey: string, value: string, line: number) => {
    const key = rawKey.toLowerCase();
    const allowed = FIELDS[current.type];
    if (!allowed.includes(key)) {
      const owner = (Object.keys(FIELDS) as NodeType[]).find((t) => FIELDS[t].includes(key));
      const expected = t.agendaFile.errors.expectedFields(allowed);
      if (owner) {
        error(line, t.agendaFile.errors.fieldOfOther(key, NODE_NAME[owner], NODE_NAME[current.type], expected));
      } else {
        error(line, t.agendaFile.errors.fieldUnknown(key, NODE_NAME[current.type], expected));
      }
      return;
    }
    const earlier = current.seen.get(key);
    if (earlier !== undefined) {
      error(line, t.agendaFile.errors.fieldTwice(key, earlier));
      return;
    }
    current.seen.set(key, line);
    current.applyField(key, value, line);
  };

  const handleHeading = (level: number, rest: string, line: number) => {
    closeNode();
    structureStarted = true;

    if (level === 1) {
      if (titleLine !== 0) {
        error(line, t.agendaFile.errors.titleTwice);
        openSink('agenda', line);
        return;
      }
      titleLine = line;
      if (!rest) error(line, t.agendaFile.errors.titleMissing);
      agenda.title = rest;
      openNode(
        'agenda',
        line,
        (body) => (agenda.body = body),
        (key, value, fieldLine) => {
          // key === 'periode'
          const m = PERIOD_RE.exec(value);
          if (!value) {
            error(fieldLine, t.agendaFile.errors.periodEmpty);
            return;
          }
          if (!m) {
            error(fieldLine, t.agendaFile.errors.periodInvalid(value));
            return;
          }
          const start = Number(m[1]);
          const end = Number(m[2]);
          if (start > end) {
            error(fieldLine, t.agendaFile.errors.periodReversed(value));
            return;
          }
          agenda.period = { start, end };
          periodValid = true;
        },
      );
      return;
    }

    if (titleLine === 0) {
      error(line, t.agendaFile.errors.titleExpectedFirst);
      titleLine = -1; // report only once
    }

    if (level === 2) {
      chapter = null;
      goal = null;
      const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(rest);
      const code = m?.[1] ?? '';
      const title = (m?.[2] ?? '').trim();
      if (!m) {
        error(line, t.agendaFile.errors.chapterHeadingEmpty);
      } else {
        if (!CODE_RE.test(code)) {
          error(line, t.agendaFile.errors.codeInvalid(code, '1.3.a'));
        } else {
          claimCode(code, line, 'chapter');
        }
        if (!title) {
          error(line, t.agendaFile.errors.chapterTitleMissing);
        }
      }
      const created: Chapter = { code, title, kind: 'context', body: '', goals: [] };
      agenda.chapters.push(created);
      chapter = created;
      openNode(
        'chapter',
        line,
        (body) => (created.body = body),
        (_key, value, fieldLine) => {
          // key === 'soort'
          const kind = value.toLowerCase() as ChapterKind;
          if (!value) {
            error(fieldLine, t.agendaFile.errors.kindEmpty);
            return;
          }
          if (!CHAPTER_KINDS.includes(kind)) {
            error(fieldLine, t.agendaFile.errors.kindUnknown(value));
            return;
          }
          created.kind = kind;
        },
      );
      return;
    }

    if (level === 3) {
      goal = null;
      const parent: Chapter | null = chapter;
      if (!parent) {
        error(line, t.agendaFile.errors.goalOutsideChapter);
      }
      const m = GOAL_HEADING_RE.exec(rest);
      const code = m?.[1] ?? '';
      const title = (m?.[2] ?? '').trim();
      if (!m) {
        error(line, t.agendaFile.errors.goalHeadingInvalid);
      } else {
        if (!CODE_RE.test(code)) {
          error(line, t.agendaFile.errors.codeInvalid(code, '1.3.a-A'));
        } else {
          claimCode(code, line, 'goal');
        }
        if (!title) error(line, t.agendaFile.errors.goalTitleMissing);
      }
      const created: Goal = { code, title, targetYear: null, body: '', actions: [] };
      parent?.goals.push(created);
      goal = created;
      openNode(
        'goal',
        line,
        (body) => (created.body = body),
        (_key, value, fieldLine) => {
          // key === 'doeljaar'
          if (!value) return;
          if (!YEAR_RE.test(value)) {
            error(fieldLine, t.agendaFile.errors.targetYearInvalid(value));
            return;
          }
          const year = Number(value);
          if (periodValid && (year < agenda.period.start || year > agenda.period.end)) {
            error(fieldLine, t.agendaFile.errors.targetYearOutsidePeriod(year, agenda.period.start, agenda.period.end));
            return;
          }
          created.targetYear = year;
        },
      );
      return;
    }

    if (level === 4) {
      const parent: Goal | null = goal;
      if (!parent) {
        error(line, t.agendaFile.errors.actionOutsideGoal);
      }
      const m = ACTION_HEADING_RE.exec(rest);
      const code = m?.[1] ?? '';
      const title = (m?.[2] ?? '').trim();
      if (!m) {
        error(line, t.agendaFile.errors.actionHeadingInvalid);
      } else {
        if (!CODE_RE.test(code)) {
          error(line, t.agendaFile.errors.codeInvalid(code, '1.3.a-A1'));
        } else {
          claimCode(code, line, 'action');
        }
        if (!title) error(line, t.agendaFile.errors.actionTitleMissing);
      }
      const created: ActionItem = { code, title, deadline: null, owner: null, partners: [], body: '' };
      parent?.actions.push(created);
      openNode(
        'action',
        line,
        (body) => (created.body = body),
        (key, value, fieldLine) => {
          if (key === 'termijn') {
            if (!value) return;
            const problem = opts.validateDeadline?.(value) ?? null;
            if (problem !== null) {
              error(fieldLine, problem);
              return;
            }
            created.deadline = value;
          } else if (key === 'trekker') {
            if (!value) return;
            const problem = opts.validateOwner?.(value) ?? null;
            if (problem !== null) {
              error(fieldLine, problem);
              return;
            }
            created.owner = value;
          } else {
            created.partners = value
              .split(';')
              .map((p) => p.trim())
              .filter((p) => p !== '');
          }
        },
      );
      return;
    }

    error(line, t.agendaFile.errors.headingLevelUnused('#'.repeat(level)));
    openSink('action', line);
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const heading = HEADING_RE.exec(raw);
    if (heading) {
      handleHeading(heading[1].length, (heading[2] ?? '').trim(), line);
      return;
    }
    const current = node as OpenNode | null;
    if (!current) {
      // Before the first heading only blank lines are allowed.
      if (raw.trim() !== '' && !structureStarted && !contentBeforeTitleReported) {
        error(line, t.agendaFile.errors.titleNotFirst);
        contentBeforeTitleReported = true;
      }
      return;
    }
    if (current.inFields) {
      if (raw.trim() === '') {
        current.inFields = false;
        return;
      }
      const field = FIELD_RE.exec(raw.trim());
      if (field) {
        handleField(current, field[1], (field[2] ?? '').trim(), line);
        return;
      }
      current.inFields = false;
    }
    current.bodyLines.push(raw);
  });
  closeNode();

  if (!structureStarted && errors.length === 0) {
    error(1, t.agendaFile.errors.documentEmpty);
  }

  if (errors.length > 0) {
    // Stable sort keeps the order of several errors on one line.
    return { ok: false, errors: [...errors].sort((a, b) => a.line - b.line) };
  }
  return { ok: true, agenda };
}

// ---------------------------------------------------------------------------
// Serializer

/** Escapes body lines that would otherwise be read as headings. */
function escapeBody(body: string): string {
  return normalizeBody(body)
    .split('\n')
    .map((line) => line.replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/, '$1\\$2'))
    .join('\n');
}

function block(heading: string, fields: [string, string | null][], body: string): string {
  const head = [heading, ...fields.filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}: ${v}`)];
  const text = escapeBody(body);
  return text ? `${head.join('\n')}\n\n${text}` : head.join('\n');
}

/** Writes an agenda in the canonical outline format (see docs/agenda-format.md). */
export function serializeAgenda(agenda: AgendaDoc): string {
  const blocks: string[] = [block(`# ${oneLine(agenda.title)}`, [['periode', `${agenda.period.start}-${agenda.period.end}`]], agenda.body)];
  for (const chapter of agenda.chapters) {
    blocks.push(block(`## ${chapter.code} ${oneLine(chapter.title)}`, [['soort', chapter.kind]], chapter.body));
    // i18n-ignore: the file format's own headings (grammar the parser reads back)
    for (const goal of chapter.goals) {
      blocks.push(
        block(
          `### Doel ${goal.code}: ${oneLine(goal.title)}`,
          [['doeljaar', goal.targetYear === null ? null : String(goal.targetYear)]],
          goal.body,
        ),
      );
      for (const action of goal.actions) {
        const partners = action.partners.map(oneLine).filter((p) => p !== '');
        blocks.push(
          block(
            `#### Actie ${action.code}: ${oneLine(action.title)}`,
            [
              ['termijn', action.deadline === null ? null : oneLine(action.deadline)],
              ['trekker', action.owner === null ? null : oneLine(action.owner)],
              ['partners', partners.length > 0 ? partners.join('; ') : null],
            ],
            action.body,
          ),
        );
      }
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
