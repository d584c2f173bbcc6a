/**
 * Fuzzy deadlines: the agenda's policy phrases ("medio 2022", "uiterlijk
 * 31-12-2021", "vanaf medio 2021") and the date windows derived from them.
 *
 * Also the rules that compare an action's window with today — overdue, ending soon —
 * written once for every page, list, feed and notification (their SQL twin for queries
 * is in action-status.server.ts).
 *
 * Pure module: no I/O, no clock (callers pass `today`); it depends only on the status
 * rules of action-status.ts, and its texts come from the catalogue. All dates are calendar dates as ISO strings 'YYYY-MM-DD'; windows are
 * inclusive on both ends. Date math is done in UTC so no time zone can shift a day.
 * The window choices are recorded in docs/decisions/002-deadline-windows.md.
 */
import { t } from '../../i18n';
import { type ActionStatus, isClosedStatus } from './action-status';

export type { ActionStatus } from './action-status';

export type DeadlineKind = 'window' | 'by' | 'from';

export type Deadline = {
  /** The phrase as the user wrote it, trimmed. */
  phrase: string;
  /** First day of the window (inclusive); null for 'by'. */
  start: string | null;
  /** Last day of the window (inclusive); null for 'from'. */
  end: string | null;
  kind: DeadlineKind;
};

export type ParseDeadlineResult = { ok: true; deadline: Deadline } | { ok: false; error: string };

export type WindowFilterResult = { ok: true; start: string | null; end: string | null } | { ok: false; error: string };

export type DateWindow = { start: string | null; end: string | null };

/** Example phrases to show beside deadline inputs and in error messages. */
export const DEADLINE_EXAMPLES: readonly string[] = t.dates.deadlineExamples;

/** Example phrases for list filters (relative periods plus any deadline). */
export const WINDOW_FILTER_EXAMPLES: readonly string[] = t.dates.windowFilterExamples;

export const MIN_DEADLINE_YEAR = 2000;
export const MAX_DEADLINE_YEAR = 2100;

// ---------------------------------------------------------------------------
// Calendar helpers (UTC, integers only)

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole months `fromMonth`..`toMonth` of `year`; months past 12 roll into the next year. */
function monthSpan(year: number, fromMonth: number, toMonth: number): Span {
  const endYear = year + Math.floor((toMonth - 1) / 12);
  const endMonth = ((toMonth - 1) % 12) + 1;
  return { start: iso(year, fromMonth, 1), end: iso(endYear, endMonth, daysInMonth(endYear, endMonth)) };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function splitIso(value: string): { year: number; month: number; day: number } {
  if (!isIsoDate(value)) throw new Error(`Expected a date as YYYY-MM-DD, got "${value}"`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

// ---------------------------------------------------------------------------
// Vocabulary

type Span = { start: string; end: string };

/** A lookup table without prototype keys ("constructor 2021" must not match). */
function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

const MONTHS = table<number>({
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  febr: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
});

/** begin / medio / eind: months covered (see decision 002). */
const PART_OF_YEAR = table<readonly [number, number]>({
  begin: [1, 3],
  early: [1, 3],
  start: [1, 3],
  beginning: [1, 3],
  medio: [5, 8],
  mid: [5, 8],
  midden: [5, 8],
  middle: [5, 8],
  half: [5, 8],
  halverwege: [5, 8],
  eind: [10, 12],
  einde: [10, 12],
  end: [10, 12],
  late: [10, 12],
});

/** begin / medio / eind of a month: days covered (see decision 002). */
const PART_OF_MONTH = table<readonly [number, number]>({
  begin: [1, 10],
  early: [1, 10],
  start: [1, 10],
  beginning: [1, 10],
  medio: [11, 20],
  mid: [11, 20],
  midden: [11, 20],
  halverwege: [11, 20],
  eind: [21, 31],
  einde: [21, 31],
  end: [21, 31],
  late: [21, 31],
});

/** Meteorological seasons; winter YYYY runs from December YYYY into February YYYY+1. */
const SEASONS = table<readonly [number, number]>({
  voorjaar: [3, 5],
  lente: [3, 5],
  spring: [3, 5],
  zomer: [6, 8],
  summer: [6, 8],
  najaar: [9, 11],
  herfst: [9, 11],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 14],
});

const ORDINALS = table<number>({
  eerste: 1,
  first: 1,
  '1e': 1,
  '1ste': 1,
  '1st': 1,
  tweede: 2,
  second: 2,
  '2e': 2,
  '2de': 2,
  '2nd': 2,
  derde: 3,
  third: 3,
  '3e': 3,
  '3de': 3,
  '3rd': 3,
  vierde: 4,
  fourth: 4,
  '4e': 4,
  '4de': 4,
  '4th': 4,
});

// ---------------------------------------------------------------------------
// Parsing

/**
 * A phrase that matched a form but names something that cannot be: an
 * out-of-range year or a date that does not exist. The message completes
 * the sentence `"<phrase as written>" ...`.
 */
class Impossible extends Error {}

function checkYear(text: string): number {
  const year = Number(text);
  if (year < MIN_DEADLINE_YEAR || year > MAX_DEADLINE_YEAR) {
    throw new Impossible(t.dates.errors.yearOutOfRange(MIN_DEADLINE_YEAR, MAX_DEADLINE_YEAR));
  }
  return year;
}

function exactDate(yearText: string, month: number, day: number): Span {
  const year = checkYear(yearText);
  if (month < 1 || month > 12) {
    throw new Impossible(t.dates.errors.noSuchMonth(month));
  }
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw new Impossible(t.dates.errors.noSuchDay(t.dates.months[month - 1], year, max));
  }
  const date = iso(year, month, day);
  return { start: date, end: date };
}

function quarter(q: number, yearText: string): Span {
  return monthSpan(checkYear(yearText), q * 3 - 2, q * 3);
}

function halfYear(h: number, yearText: string): Span {
  return monthSpan(checkYear(yearText), h * 6 - 5, h * 6);
}

/** Lower-case, drop abbreviation dots and commas, collapse whitespace. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-') // typographic dashes
    .replace(/([a-z])\./g, '$1') // "sept." -> "sept"
    .replace(/,/g, ' ')
    .replace(/([a-z])-(?=\d)/g, '$1 ') // "mid-2021" -> "mid 2021"
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '') // a closing full stop
    .trim();
}

const YEAR = '(\\d{4})';
const OF = '(?:(?:van|of) )?'; // "begin van 2021", "end of 2021"; i18n-ignore: grammar the parser reads

/** The relative periods a list filter understands, given today. */
function relativeSpan(text: string, today: string): Span | null {
  const { year, month } = splitIso(today);
  const q = Math.ceil(month / 3);
  const quarterSpan = (offset: number): Span => {
    const index = year * 4 + (q - 1) + offset;
    const y = Math.floor(index / 4);
    const qq = index - y * 4 + 1;
    return monthSpan(y, qq * 3 - 2, qq * 3);
  };
  const monthOffset = (offset: number): Span => {
    const index = year * 12 + (month - 1) + offset;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    return monthSpan(y, m, m);
  };
  // i18n-ignore: the phrases the parser reads, not text it shows
  switch (text) {
    case 'dit jaar':
    case 'this year':
      return monthSpan(year, 1, 12);
    case 'volgend jaar':
    case 'next year':
      return monthSpan(year + 1, 1, 12);
    case 'vorig jaar':
    case 'last year':
      return monthSpan(year - 1, 1, 12);
    case 'dit kwartaal':
    case 'this quarter':
      return quarterSpan(0);
    case 'volgend kwartaal':
    case 'next quarter':
      return quarterSpan(1);
    case 'vorig kwartaal':
    case 'last quarter':
    case 'previous quarter':
      return quarterSpan(-1);
    case 'deze maand':
    case 'this month':
      return monthOffset(0);
    case 'volgende maand':
    case 'next month':
      return monthOffset(1);
    case 'vorige maand':
    case 'last month':
    case 'previous month':
      return monthOffset(-1);
    default:
      return null;
  }
}

/**
 * The window of a bare form (no besluit/uiterlijk/vanaf prefix), or null when
 * the text is no known form. Throws Impossible for a known form naming a
 * non-existent date or an out-of-range year.
 */
function spanOf(text: string, today: string | undefined): Span | null {
  let m: RegExpExecArray | null;

  if (today !== undefined) {
    const relative = relativeSpan(text, today);
    if (relative) return relative;
  }

  // "2021"
  if ((m = new RegExp(`^${YEAR}$`).exec(text))) return monthSpan(checkYear(m[1]!), 1, 12);

  // One word and a year: "begin 2021", "eind van 2021", "end of 2021", "mid 2021",
  // "half 2021", "zomer 2022", "summer of 2022", "winter 2023", "september 2022", "sept 2022"
  if ((m = new RegExp(`^([a-z]+) ((?:van|of) )?${YEAR}$`).exec(text))) {
    const word = m[1]!;
    const connector = m[2];
    const yearText = m[3]!;
    const part = PART_OF_YEAR.get(word);
    // "half van 2021" reads as "half of the year", not as medio: no connector for "half"
    if (part && !(word === 'half' && connector)) return monthSpan(checkYear(yearText), part[0], part[1]);
    const season = SEASONS.get(word);
    if (season) return monthSpan(checkYear(yearText), season[0], season[1]);
    const month = MONTHS.get(word);
    if (month) return monthSpan(checkYear(yearText), month, month);
  }
  // A part of a month: "begin januari 2027" (1–10), "medio maart 2026" (11–20),
  // "eind januari 2027" (21 to the month's end), "eind van januari 2027", "mid march 2026"
  if ((m = new RegExp(`^([a-z]+) ${OF}([a-z]+) ${YEAR}$`).exec(text))) {
    const part = PART_OF_MONTH.get(m[1]!);
    const month = MONTHS.get(m[2]!);
    if (part && month) {
      const year = checkYear(m[3]!);
      return { start: iso(year, month, part[0]), end: iso(year, month, Math.min(part[1], daysInMonth(year, month))) };
    }
  }
  // "winter 2023/2024", "winter 2023-2024"
  if ((m = /^winter (\d{4}) ?[-/] ?(\d{4})$/.exec(text)) && Number(m[2]) === Number(m[1]) + 1) {
    return monthSpan(checkYear(m[1]!), 12, 14);
  }

  // Quarters: "q3 2022", "q3-2022", "2022 q3", "1e kwartaal 2021",
  // "eerste kwartaal van 2021", "kwartaal 3 2022", "first quarter of 2021", "quarter 1 2021"
  if ((m = /^q([1-4])[ -](\d{4})$/.exec(text))) return quarter(Number(m[1]), m[2]!);
  if ((m = /^(\d{4})[ -]q([1-4])$/.exec(text))) return quarter(Number(m[2]), m[1]!);
  if ((m = new RegExp(`^([a-z0-9]+) (?:kwartaal|quarter) ${OF}${YEAR}$`).exec(text))) {
    const n = m[1] === 'laatste' || m[1] === 'last' ? 4 : ORDINALS.get(m[1]!);
    if (n !== undefined) return quarter(n, m[2]!);
  }
  if ((m = new RegExp(`^(?:kwartaal|quarter) ([1-4]) ${OF}${YEAR}$`).exec(text))) {
    return quarter(Number(m[1]), m[2]!);
  }

  // Halves: "h1 2021", "h2-2021", "eerste helft 2021", "2e helft van 2021", "second half of 2021"
  if ((m = /^h([12])[ -](\d{4})$/.exec(text))) return halfYear(Number(m[1]), m[2]!);
  if ((m = new RegExp(`^([a-z0-9]+) (?:helft|half) ${OF}${YEAR}$`).exec(text))) {
    const n = m[1] === 'laatste' || m[1] === 'last' ? 2 : ORDINALS.get(m[1]!);
    if (n === 1 || n === 2) return halfYear(n, m[2]!);
  }

  // Exact dates: "31-12-2021", "1/2/2021", "31.12.2021"
  if ((m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text))) {
    return exactDate(m[4]!, Number(m[3]), Number(m[1]));
  }
  // "2021-12-31", "2021/12/31"
  if ((m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(text))) {
    return exactDate(m[1]!, Number(m[3]), Number(m[4]));
  }
  // "31 december 2021", "1 jan 2022", "31st december 2021"
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+) (\d{4})$/.exec(text)) && MONTHS.has(m[2]!)) {
    return exactDate(m[3]!, MONTHS.get(m[2]!)!, Number(m[1]));
  }
  // "december 31 2021" (the comma was dropped by normalize), "december 31st 2021"
  if ((m = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(text)) && MONTHS.has(m[1]!)) {
    return exactDate(m[3]!, MONTHS.get(m[1]!)!, Number(m[2]));
  }

  return null;
}

type Parsed = { ok: true; kind: DeadlineKind; start: string | null; end: string | null } | { ok: false; reason: string | null };

const BESLUIT = /^(?:besluit|decision)\b:? ?/;
const BY = /^(?:uiterlijk|by|no later than|not later than)\b ?/;
const FROM = /^(?:vanaf|from|starting(?: from| in)?)\b ?/;
const IN = /^(?:in|during)\b ?/;
const ARTICLE = /^(?:de|het|the)\b ?/;

function parse(input: string, today: string | undefined): Parsed {
  let text = normalize(input);
  if (text === '') return { ok: false, reason: null };

  text = text.replace(BESLUIT, '');
  let kind: DeadlineKind = 'window';
  if (BY.test(text)) {
    kind = 'by';
    text = text.replace(BY, '');
  } else if (FROM.test(text)) {
    kind = 'from';
    text = text.replace(FROM, '');
  }
  text = text.replace(IN, '').replace(ARTICLE, '');

  let span: Span | null;
  try {
    span = spanOf(text, today);
  } catch (e) {
    if (e instanceof Impossible) return { ok: false, reason: e.message };
    throw e;
  }
  if (!span) return { ok: false, reason: null };

  if (kind === 'by') return { ok: true, kind, start: null, end: span.end };
  if (kind === 'from') return { ok: true, kind, start: span.start, end: null };
  return { ok: true, kind, start: span.start, end: span.end };
}

function errorMessage(input: string, reason: string | null, noun: string, examples: readonly string[]): string {
  const trimmed = input.trim();
  const errors = t.dates.errors;
  const lead = trimmed === '' ? errors.empty(noun) : reason === null ? errors.unknown(noun, trimmed) : errors.impossible(trimmed, reason);
  return `${lead} ${errors.tryExamples(examples)}`;
}

/**
 * Parse a deadline phrase as written in the agenda or typed by a user.
 * On success the phrase is kept as written (trimmed) beside its window.
 */
export function parseDeadline(phrase: string): ParseDeadlineResult {
  const result = parse(phrase, undefined);
  if (!result.ok) {
    return { ok: false, error: errorMessage(phrase, result.reason, t.dates.nouns.deadline, DEADLINE_EXAMPLES) };
  }
  return {
    ok: true,
    deadline: { phrase: phrase.trim(), start: result.start, end: result.end, kind: result.kind },
  };
}

/**
 * Parse a list filter: a relative period ("dit jaar", "volgend kwartaal",
 * "deze maand", ...) relative to `today`, or any deadline phrase (its window).
 * An empty filter means no restriction (both ends open).
 */
export function parseWindowFilter(input: string, today: string): WindowFilterResult {
  splitIso(today); // validate early: a bad `today` is a programming error
  if (input.trim() === '') return { ok: true, start: null, end: null };
  const result = parse(input, today);
  if (!result.ok) {
    return { ok: false, error: errorMessage(input, result.reason, t.dates.nouns.period, WINDOW_FILTER_EXAMPLES) };
  }
  return { ok: true, start: result.start, end: result.end };
}

// ---------------------------------------------------------------------------
// Using windows

/**
 * Overdue: the window has ended before today and the action is neither done
 * nor cancelled. A 'from' deadline (no end) is never overdue. `today` is 'YYYY-MM-DD'.
 */
export function isOverdue(d: { end: string | null }, status: ActionStatus, today: string): boolean {
  return d.end !== null && d.end < today && !isClosedStatus(status);
}

/** The part of an action the deadline rules look at. */
export type DeadlineOf = { deadlineEnd: string | null; status: ActionStatus };

/** isOverdue for an action as the models read it. */
export function isActionOverdue(action: DeadlineOf, today: string): boolean {
  return isOverdue({ end: action.deadlineEnd }, action.status, today);
}

/** The rows with `overdue` set by isActionOverdue: what every action table and card shows. */
export function withOverdue<T extends DeadlineOf>(rows: T[], today: string): (T & { overdue: boolean })[] {
  return rows.map((row) => ({ ...row, overdue: isActionOverdue(row, today) }));
}

/**
 * Ending soon: an open action whose window ends from today up to and including
 * `lastDay` (the next meeting, a week ahead). Not overdue yet: today is still in time.
 */
export function isDueBy(action: DeadlineOf, today: string, lastDay: string): boolean {
  const end = action.deadlineEnd;
  return end !== null && end >= today && end <= lastDay && !isClosedStatus(action.status);
}

/** Do two inclusive windows share at least one day? A null end is open-ended. */
export function windowsOverlap(a: DateWindow, b: DateWindow): boolean {
  const aStartsAfterBEnds = a.start !== null && b.end !== null && a.start > b.end;
  const bStartsAfterAEnds = b.start !== null && a.end !== null && b.start > a.end;
  return !aStartsAfterBEnds && !bStartsAfterAEnds;
}

/**
 * Sort order for deadlines: by end (no end sorts last), then by start
 * (no start sorts first, as it is open towards the past).
 */
export function compareDeadlines(a: DateWindow, b: DateWindow): number {
  if (a.end !== b.end) {
    if (a.end === null) return 1;
    if (b.end === null) return -1;
    return a.end < b.end ? -1 : 1;
  }
  if (a.start !== b.start) {
    if (a.start === null) return -1;
    if (b.start === null) return 1;
    return a.start < b.start ? -1 : 1;
  }
  return 0;
}

/** "2021-03-01" -> "1 mrt. 2021" (deterministic, no ICU). */
export function formatDate(date: string): string {
  const { year, month, day } = splitIso(date);
  return `${day} ${t.dates.monthsShort[month - 1]} ${year}`;
}

/**
 * Dutch text for a window, for hover and focus: "1 jan. 2021 t/m 31 mrt. 2021",
 * "31 dec. 2021" (one day), "uiterlijk 31 dec. 2021", "vanaf 1 mei 2021".
 */
export function formatWindow(d: Pick<Deadline, 'start' | 'end' | 'kind'>): string {
  if (d.start !== null && d.end !== null) {
    return d.start === d.end ? formatDate(d.start) : t.dates.window.range(formatDate(d.start), formatDate(d.end));
  }
  if (d.end !== null) return t.dates.window.by(formatDate(d.end));
  if (d.start !== null) return t.dates.window.from(formatDate(d.start));
  return t.dates.noDeadline;
}
