import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';

import type { Db } from '../../../db/client';
import { actions, agendas, goals, type HistoryEntity, organisations, themes } from '../../../db/schema';
import { t } from '../../i18n';
import { diffFields, recordHistory, type Tx } from '../history.server';
import { isPeriodClosed, periodLabel, periodSlug, periodYearsError } from '../periods/period-rules';
import { type AgendaDoc, type AgendaParseError, parseAgenda, serializeAgenda } from './agenda-format';
import { parseDeadline } from './deadline';

export type ImportChange = { code: string; fields: string[] };
export type ImportSummary = {
  created: number;
  updated: number;
  unchanged: number;
  /** Codes of the items created, in file order. */
  createdCodes: string[];
  /** The items updated, with the names of the fields that changed. */
  changes: ImportChange[];
  /** Codes in the database (chapters, goals, regional actions) that the file no longer holds; not deleted. */
  notInFile: string[];
};
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: AgendaParseError[] };

/** The pseudo-code under which a change to the agenda's own title, period or text is reported. */
export const AGENDA_CHANGE_CODE = '(agenda)';

/**
 * Imports an agenda outline (docs/agenda-format.md); see docs/decisions/005.
 *
 * - Items are matched by code, so importing the same file twice changes nothing (no
 *   writes, no history, no updated_at), and an edited file updates exactly the fields
 *   that differ, each recorded in history with change 'import'.
 * - The file holds the plan (titles, texts, target years, deadline phrases, owning
 *   organisation, partners, order). Tracker state (status, progress, owner person,
 *   scope) is not in the file and is never touched.
 * - Items missing from the file are reported, not deleted: they may carry progress
 *   and comments.
 * - All or nothing: a file with any error (syntax, a deadline phrase, an unknown
 *   trekker, a code held by a local action) changes nothing, and the work runs in one
 *   transaction, so a failure halfway leaves the database as it was.
 */
export function importAgendaText(
  db: Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'transaction'>,
  text: string,
  { userId }: { userId: number | null },
): ImportResult {
  // Parsing runs inside the transaction so the organisations and codes it checks
  // against are the ones the changes are applied to.
  return db.transaction((tx): ImportResult => {
    const organisationIds = new Map(
      tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .orderBy(asc(organisations.name))
        .all()
        .map((o) => [organisationKey(o.name), { id: o.id, name: o.name }]),
    );
    const localCodes = new Set(
      tx
        .select({ code: actions.code })
        .from(actions)
        .where(isNotNull(actions.municipalityId))
        .all()
        .map((a) => a.code),
    );

    const parsed = parseAgenda(text, {
      validateDeadline: (phrase) => {
        const result = parseDeadline(phrase);
        return result.ok ? null : result.error;
      },
      validateOwner: (name) =>
        organisationIds.has(organisationKey(name))
          ? null
          : t.agendaFile.errors.ownerUnknown(
              name,
              [...organisationIds.values()].map((o) => o.name),
            ),
      validateCode: (code, type) => (type === 'action' && localCodes.has(code) ? t.agendaFile.errors.codeOfLocalAction(code) : null),
    });
    if (!parsed.ok) return { ok: false, errors: parsed.errors };

    const ownerId = (name: string | null) => (name === null ? null : organisationIds.get(organisationKey(name))!.id);
    const target = targetPeriod(tx, parsed.agenda, periodLine(text));
    if (!target.ok) return { ok: false, errors: [target.error] };
    return { ok: true, summary: applyAgenda(tx, parsed.agenda, userId, ownerId, target.agendaId) };
  });
}

/** The line of `periode:`, for a message about the period (line 2 in every agenda file). */
function periodLine(text: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith('periode:'));
  return index === -1 ? 1 : index + 1;
}

/**
 * The period the file is for, by its `periode:` line: an existing period (never a closed
 * one), or a new one — the current period on an empty database, otherwise a concept —
 * when its years fit beside the others (docs/decisions/017-agenda-periods.md).
 */
function targetPeriod(tx: Tx, doc: AgendaDoc, line: number): { ok: true; agendaId: number } | { ok: false; error: AgendaParseError } {
  const years = { periodStart: doc.period.start, periodEnd: doc.period.end };
  const existing = tx
    .select()
    .from(agendas)
    .where(eq(agendas.slug, periodSlug(years)))
    .get();
  if (existing) {
    if (isPeriodClosed(existing)) return { ok: false, error: { line, message: t.periods.errors.importClosed(periodLabel(existing)) } };
    return { ok: true, agendaId: existing.id };
  }
  const all = tx.select().from(agendas).all();
  const yearsError = periodYearsError(years, all);
  if (yearsError) return { ok: false, error: { line, message: yearsError } };
  const current = all.find((a) => a.status === 'vastgesteld');
  const concept = all.find((a) => a.status === 'concept');
  if (current && concept) return { ok: false, error: { line, message: t.periods.errors.conceptExists(periodLabel(concept)) } };
  const now = new Date().toISOString();
  const row = tx
    .insert(agendas)
    .values({
      title: doc.title,
      periodStart: years.periodStart,
      periodEnd: years.periodEnd,
      body: doc.body,
      slug: periodSlug(years),
      status: current ? 'concept' : 'vastgesteld',
      adoptedAt: current ? null : now,
      predecessorId: current?.id ?? null,
    })
    .returning({ id: agendas.id })
    .get();
  return { ok: true, agendaId: row.id };
}

function organisationKey(name: string) {
  return name.trim().toLocaleLowerCase('nl');
}

/**
 * Positions for the items of one parent, in file order. Existing positions are kept
 * when they already follow the file's order (a new item goes right after the one
 * before it), so an exported agenda imports back without renumbering; otherwise the
 * items are numbered 1…n.
 */
function planPositions(existing: (number | null)[], floor = 0): number[] {
  const kept: number[] = [];
  // `floor`: the last position taken by items the file does not hold (a file with only new
  // chapters for a drafted agenda puts them after the chapters already there).
  let last = floor;
  for (const position of existing) {
    const next = position ?? last + 1;
    if (next <= last) return existing.map((_, i) => floor + i + 1);
    kept.push(next);
    last = next;
  }
  return kept;
}

function applyAgenda(
  tx: Tx,
  doc: AgendaDoc,
  userId: number | null,
  ownerId: (name: string | null) => number | null,
  agendaId: number,
): ImportSummary {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, createdCodes: [], changes: [], notInFile: [] };
  const now = new Date().toISOString();

  /** Inserts or updates one row; returns its id. History and the summary are kept here. */
  function upsert(opts: {
    entityType: HistoryEntity;
    code: string;
    existing: ({ id: number } & Record<string, unknown>) | undefined;
    fields: Record<string, unknown>;
    insert: () => number;
    update: (id: number) => void;
  }): number {
    const { entityType, code, existing, fields } = opts;
    if (!existing) {
      const id = opts.insert();
      recordHistory(tx, { entityType, entityId: id, userId, change: 'import', after: { code, ...fields } });
      summary.created++;
      summary.createdCodes.push(code);
      return id;
    }
    const diff = diffFields(existing, fields);
    if (!diff) {
      summary.unchanged++;
      return existing.id;
    }
    opts.update(existing.id);
    recordHistory(tx, { entityType, entityId: existing.id, userId, change: 'import', ...diff });
    summary.updated++;
    summary.changes.push({ code, fields: Object.keys(diff.after) });
    return existing.id;
  }

  // The period (its years) is the file's address; title and text are updated.
  const agenda = tx.select().from(agendas).where(eq(agendas.id, agendaId)).get()!;
  const agendaFields = { title: doc.title, body: doc.body };
  const agendaDiff = diffFields(agenda, agendaFields);
  if (agendaDiff) {
    // The agenda itself has no history entity; the change is reported in the summary.
    tx.update(agendas).set(agendaFields).where(eq(agendas.id, agenda.id)).run();
    summary.updated++;
    summary.changes.push({ code: AGENDA_CHANGE_CODE, fields: Object.keys(agendaDiff.after) });
  }

  const themeRows = new Map(
    tx
      .select()
      .from(themes)
      .where(eq(themes.agendaId, agendaId))
      .all()
      .map((t) => [t.code, t]),
  );
  const goalRows = new Map(
    tx
      .select()
      .from(goals)
      .where(eq(goals.agendaId, agendaId))
      .all()
      .map((g) => [g.code, g]),
  );
  const actionRows = new Map(
    tx
      .select()
      .from(actions)
      .where(and(eq(actions.agendaId, agendaId), isNull(actions.municipalityId)))
      .all()
      // An action without a code (made before codes were given out) is exported as K<id>.
      .map((a) => [a.code ?? `K${a.id}`, a]),
  );

  const chapterCodes = new Set(doc.chapters.map((c) => c.code));
  const chapterFloor = Math.max(0, ...[...themeRows.values()].filter((row) => !chapterCodes.has(row.code)).map((row) => row.position));
  const themePositions = planPositions(
    doc.chapters.map((c) => themeRows.get(c.code)?.position ?? null),
    chapterFloor,
  );
  doc.chapters.forEach((chapter, chapterIndex) => {
    const themeFields = { title: chapter.title, kind: chapter.kind, body: chapter.body, position: themePositions[chapterIndex] };
    const themeId = upsert({
      entityType: 'theme',
      code: chapter.code,
      existing: themeRows.get(chapter.code),
      fields: themeFields,
      insert: () =>
        tx
          .insert(themes)
          .values({ agendaId, code: chapter.code, ...themeFields })
          .returning({ id: themes.id })
          .get().id,
      update: (id) => tx.update(themes).set(themeFields).where(eq(themes.id, id)).run(),
    });

    const goalPositions = planPositions(chapter.goals.map((g) => goalRows.get(g.code)?.position ?? null));
    chapter.goals.forEach((g, goalIndex) => {
      const goalFields = { themeId, title: g.title, targetYear: g.targetYear, body: g.body, position: goalPositions[goalIndex] };
      const goalId = upsert({
        entityType: 'goal',
        code: g.code,
        existing: goalRows.get(g.code),
        fields: goalFields,
        insert: () =>
          tx
            .insert(goals)
            .values({ code: g.code, agendaId, ...goalFields })
            .returning({ id: goals.id })
            .get().id,
        update: (id) =>
          tx
            .update(goals)
            .set({ ...goalFields, updatedAt: now })
            .where(eq(goals.id, id))
            .run(),
      });

      const actionPositions = planPositions(g.actions.map((a) => actionRows.get(a.code)?.position ?? null));
      g.actions.forEach((a, actionIndex) => {
        const existing = actionRows.get(a.code);
        const deadline = a.deadline ? parseDeadline(a.deadline) : null;
        const window = deadline?.ok ? deadline.deadline : null;
        const actionFields = {
          goalId,
          title: a.title,
          description: a.body,
          partners: a.partners.join('; '),
          deadlinePhrase: a.deadline,
          deadlineStart: window?.start ?? null,
          deadlineEnd: window?.end ?? null,
          ownerOrganisationId: ownerId(a.owner),
          position: actionPositions[actionIndex],
        };
        upsert({
          entityType: 'action',
          code: a.code,
          existing,
          fields: actionFields,
          insert: () =>
            tx
              .insert(actions)
              .values({ code: a.code, agendaId, ...actionFields })
              .returning({ id: actions.id })
              .get().id,
          update: (id) =>
            tx
              .update(actions)
              // Give a code-less action the code it was matched by.
              .set({ ...actionFields, code: a.code, updatedAt: now })
              .where(eq(actions.id, id))
              .run(),
        });
      });
    });
  });

  const inFile = new Set<string>();
  for (const c of doc.chapters) {
    inFile.add(c.code);
    for (const g of c.goals) {
      inFile.add(g.code);
      for (const a of g.actions) inFile.add(a.code);
    }
  }
  for (const code of [...themeRows.keys(), ...goalRows.keys(), ...actionRows.keys()]) {
    if (!inFile.has(code)) summary.notInFile.push(code);
  }
  return summary;
}

/**
 * An agenda in the outline format: the period with the slug asked for, or the current
 * one (the latest when none is current). Regional actions only (local ones belong to
 * the accents).
 */
export function exportAgenda(db: Db, { slug }: { slug?: string } = {}): AgendaDoc | null {
  const agenda = slug
    ? db.select().from(agendas).where(eq(agendas.slug, slug)).get()
    : (db.select().from(agendas).where(eq(agendas.status, 'vastgesteld')).get() ??
      db.select().from(agendas).orderBy(desc(agendas.periodStart)).get());
  if (!agenda) return null;
  const orgNames = new Map(
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .all()
      .map((o) => [o.id, o.name]),
  );
  const allGoals = db.select().from(goals).where(eq(goals.agendaId, agenda.id)).orderBy(asc(goals.position), asc(goals.id)).all();
  const allActions = db
    .select()
    .from(actions)
    .where(and(eq(actions.agendaId, agenda.id), isNull(actions.municipalityId)))
    .orderBy(asc(actions.position), asc(actions.id))
    .all();
  return {
    title: agenda.title,
    period: { start: agenda.periodStart, end: agenda.periodEnd },
    body: agenda.body,
    chapters: db
      .select()
      .from(themes)
      .where(eq(themes.agendaId, agenda.id))
      .orderBy(asc(themes.position), asc(themes.id))
      .all()
      .map((theme) => ({
        code: theme.code,
        title: theme.title,
        kind: theme.kind,
        body: theme.body,
        goals: allGoals
          .filter((g) => g.themeId === theme.id)
          .map((goal) => ({
            code: goal.code,
            title: goal.title,
            targetYear: goal.targetYear,
            body: goal.body,
            actions: allActions
              .filter((a) => a.goalId === goal.id)
              .map((action) => ({
                code: action.code ?? `K${action.id}`,
                title: action.title,
                deadline: action.deadlinePhrase,
                owner: action.ownerOrganisationId ? (orgNames.get(action.ownerOrganisationId) ?? null) : null,
                partners: action.partners
                  ? action.partners
                      .split(';')
                      .map((p) => p.trim())
                      .filter(Boolean)
                  : [],
                body: action.description,
              })),
          })),
      })),
  };
}

export function exportAgendaText(db: Db, opts: { slug?: string } = {}): string | null {
  const doc = exportAgenda(db, opts);
  return doc ? serializeAgenda(doc) : null;
}
