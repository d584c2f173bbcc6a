import { asc, eq, isNotNull, isNull } from 'drizzle-orm';

import type { Db } from '../../../db/client';
import { actions, agendas, goals, type HistoryEntity, organisations, themes } from '../../../db/schema';
import { t } from '../../i18n';
import { diffFields, recordHistory, type Tx } from '../history.server';
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
export function importAgendaText(db: Db, text: string, { userId }: { userId: number | null }): ImportResult {
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
    return { ok: true, summary: applyAgenda(tx, parsed.agenda, userId, ownerId) };
  });
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
function planPositions(existing: (number | null)[]): number[] {
  const kept: number[] = [];
  let last = 0;
  for (const position of existing) {
    const next = position ?? last + 1;
    if (next <= last) return existing.map((_, i) => i + 1);
    kept.push(next);
    last = next;
  }
  return kept;
}

function applyAgenda(tx: Tx, doc: AgendaDoc, userId: number | null, ownerId: (name: string | null) => number | null): ImportSummary {
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

  let agenda = tx.select().from(agendas).orderBy(asc(agendas.id)).get();
  const agendaFields = { title: doc.title, periodStart: doc.period.start, periodEnd: doc.period.end, body: doc.body };
  if (!agenda) {
    agenda = tx.insert(agendas).values(agendaFields).returning().get();
  } else {
    const diff = diffFields(agenda, agendaFields);
    if (diff) {
      // The agenda itself has no history entity; the change is reported in the summary.
      tx.update(agendas).set(agendaFields).where(eq(agendas.id, agenda.id)).run();
      summary.updated++;
      summary.changes.push({ code: AGENDA_CHANGE_CODE, fields: Object.keys(diff.after) });
    }
  }
  const agendaId = agenda.id;

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
      .all()
      .map((g) => [g.code, g]),
  );
  const actionRows = new Map(
    tx
      .select()
      .from(actions)
      .where(isNull(actions.municipalityId))
      .all()
      // An action without a code (made before codes were given out) is exported as K<id>.
      .map((a) => [a.code ?? `K${a.id}`, a]),
  );

  const themePositions = planPositions(doc.chapters.map((c) => themeRows.get(c.code)?.position ?? null));
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
            .values({ code: g.code, ...goalFields })
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
              .values({ code: a.code, ...actionFields })
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

/** The current agenda in the outline format: regional actions only (local ones belong to the accents). */
export function exportAgenda(db: Db): AgendaDoc | null {
  const agenda = db.select().from(agendas).orderBy(asc(agendas.id)).get();
  if (!agenda) return null;
  const orgNames = new Map(
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .all()
      .map((o) => [o.id, o.name]),
  );
  const allGoals = db.select().from(goals).orderBy(asc(goals.position), asc(goals.id)).all();
  const allActions = db.select().from(actions).where(isNull(actions.municipalityId)).orderBy(asc(actions.position), asc(actions.id)).all();
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

export function exportAgendaText(db: Db): string | null {
  const doc = exportAgenda(db);
  return doc ? serializeAgenda(doc) : null;
}
