import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actions, agendas, goals, organisations, themes } from '../../db/schema';
import { parseAgenda, serializeAgenda, type AgendaDoc } from './agenda-format';
import { parseDeadline } from './deadline';
import { recordHistory, recordUpdate, type Tx } from './history.server';

export type ImportSummary = { created: number; updated: number; unchanged: number; notInFile: string[] };
export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: { line: number; message: string }[] };

/**
 * Imports an agenda outline (docs/agenda-format.md). Items are matched by their code,
 * so importing the same file twice changes nothing, and an edited file updates only
 * what changed. Tracker state (status, progress, owners chosen in Koers) is not in the
 * file and is never touched. Items missing from the file are reported, not deleted:
 * they may carry progress and comments. All or nothing: one transaction.
 */
export function importAgendaText(db: Db, text: string, { userId }: { userId: number | null }): ImportResult {
  const parsed = parseAgenda(text, {
    validateDeadline: (phrase) => {
      const result = parseDeadline(phrase);
      return result.ok ? null : result.error;
    },
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, summary: db.transaction((tx) => applyAgenda(tx, parsed.agenda, userId)) };
}

function applyAgenda(tx: Tx, doc: AgendaDoc, userId: number | null): ImportSummary {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, notInFile: [] };
  const count = (changed: boolean) => (changed ? summary.updated++ : summary.unchanged++);

  let agenda = tx.select().from(agendas).orderBy(asc(agendas.id)).get();
  const agendaFields = { title: doc.title, periodStart: doc.period.start, periodEnd: doc.period.end, body: doc.body };
  if (!agenda) {
    agenda = tx.insert(agendas).values(agendaFields).returning().get();
  } else {
    tx.update(agendas).set(agendaFields).where(eq(agendas.id, agenda.id)).run();
  }

  const organisationIds = new Map(tx.select({ id: organisations.id, name: organisations.name }).from(organisations).all().map((o) => [o.name.toLowerCase(), o.id]));
  const ownerId = (name: string | null) => {
    if (!name) return null;
    const known = organisationIds.get(name.toLowerCase());
    if (known) return known;
    // An owner the agenda names but Koers does not know yet becomes a partner organisation.
    const created = tx.insert(organisations).values({ name, kind: 'partner' }).returning({ id: organisations.id }).get();
    organisationIds.set(name.toLowerCase(), created.id);
    return created.id;
  };

  const seenThemes = new Set<string>();
  const seenGoals = new Set<string>();
  const seenActions = new Set<string>();

  doc.chapters.forEach((chapter, themeIndex) => {
    seenThemes.add(chapter.code);
    const themeFields = { title: chapter.title, kind: chapter.kind, body: chapter.body, position: themeIndex + 1 };
    const theme = tx.select().from(themes).where(eq(themes.code, chapter.code)).get();
    let themeId: number;
    if (!theme) {
      themeId = tx.insert(themes).values({ agendaId: agenda.id, code: chapter.code, ...themeFields }).returning({ id: themes.id }).get().id;
      recordHistory(tx, { entityType: 'theme', entityId: themeId, userId, change: 'import', after: themeFields });
      summary.created++;
    } else {
      themeId = theme.id;
      const changed = recordUpdate(tx, 'theme', theme.id, userId, theme, themeFields);
      if (changed) tx.update(themes).set(themeFields).where(eq(themes.id, theme.id)).run();
      count(changed);
    }

    chapter.goals.forEach((g, goalIndex) => {
      seenGoals.add(g.code);
      const goalFields = { themeId, title: g.title, targetYear: g.targetYear, body: g.body, position: goalIndex + 1 };
      const goal = tx.select().from(goals).where(eq(goals.code, g.code)).get();
      let goalId: number;
      if (!goal) {
        goalId = tx.insert(goals).values({ code: g.code, ...goalFields }).returning({ id: goals.id }).get().id;
        recordHistory(tx, { entityType: 'goal', entityId: goalId, userId, change: 'import', after: goalFields });
        summary.created++;
      } else {
        goalId = goal.id;
        const changed = recordUpdate(tx, 'goal', goal.id, userId, goal, goalFields);
        if (changed) tx.update(goals).set({ ...goalFields, updatedAt: new Date().toISOString() }).where(eq(goals.id, goal.id)).run();
        count(changed);
      }

      g.actions.forEach((a, actionIndex) => {
        seenActions.add(a.code);
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
          position: actionIndex + 1,
        };
        const action = tx.select().from(actions).where(eq(actions.code, a.code)).get();
        if (!action) {
          const id = tx.insert(actions).values({ code: a.code, ...actionFields }).returning({ id: actions.id }).get().id;
          recordHistory(tx, { entityType: 'action', entityId: id, userId, change: 'import', after: actionFields });
          summary.created++;
        } else {
          const changed = recordUpdate(tx, 'action', action.id, userId, action, actionFields);
          if (changed) tx.update(actions).set({ ...actionFields, updatedAt: new Date().toISOString() }).where(eq(actions.id, action.id)).run();
          count(changed);
        }
      });
    });
  });

  for (const t of tx.select({ code: themes.code }).from(themes).all()) if (!seenThemes.has(t.code)) summary.notInFile.push(t.code);
  for (const g of tx.select({ code: goals.code }).from(goals).all()) if (!seenGoals.has(g.code)) summary.notInFile.push(g.code);
  for (const a of tx.select({ code: actions.code }).from(actions).where(isNull(actions.municipalityId)).all()) {
    if (a.code && !seenActions.has(a.code)) summary.notInFile.push(a.code);
  }
  return summary;
}

/** The current agenda in the outline format: regional actions only (local ones belong to the accents). */
export function exportAgenda(db: Db): AgendaDoc | null {
  const agenda = db.select().from(agendas).orderBy(asc(agendas.id)).get();
  if (!agenda) return null;
  const orgNames = new Map(db.select({ id: organisations.id, name: organisations.name }).from(organisations).all().map((o) => [o.id, o.name]));
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
                partners: action.partners ? action.partners.split(';').map((p) => p.trim()).filter(Boolean) : [],
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
