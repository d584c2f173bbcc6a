import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { and, eq } from 'drizzle-orm';

import {
  adoptConcept,
  carryGoal,
  type ClosingDecision,
  type Conn,
  createConcept,
  getCurrentPeriod,
  getPeriod,
  listOpenActions,
} from '../../app/models/periods/period.server';
import { asActor } from '../../app/models/permissions';
import { importAgendaText } from '../../app/models/tracker/agenda-import.server';
import { parseDeadline } from '../../app/models/tracker/deadline';
import { actions, goals, users } from '../schema';

export const EXAMPLE_AGENDA_FILE = fileURLToPath(new URL('./voorbeeldagenda-2025-2028.md', import.meta.url));

/** Goals the 2026 demo meetings work on: they continue in the 2025–2028 agenda. */
const CONTINUED_GOALS = ['1.2-A', '1.3.a-A', '1.3.a-B', '1.3.b-A', '1.3.c-A', '1.3.d-A'];

/**
 * New deadlines the working group set for carried-over work when it adopted the new
 * agenda (the old ones ended with 2020–2024). "medio 2026" has passed in the demo's
 * today, so the current period shows what a late action looks like.
 */
const NEW_DEADLINES: Record<string, string> = {
  '1.3.a-A2': 'eind 2026',
  '1.3.a-A3': 'medio 2026',
  '1.3.b-A2': 'besluit in 2027',
  '1.3.d-A2': 'voorjaar 2027',
};

const NOT_FINISHED_REASON = 'Niet gestart in 2020–2024; de werkgroep heeft het niet opnieuw gekozen voor 2025–2028 (voorbeeld).';

/**
 * The demo's second period (issue 12): the 2020–2024 agenda closed with its balance and
 * a 2025–2028 agenda adopted from it, as a working group would do it in Koers: a concept
 * drafted from the current agenda, the example goals imported into it
 * (voorbeeldagenda-2025-2028.md, marked "voorbeeld"), and on adoption every open action
 * decided — work under way carried over, what never started closed as niet afgerond.
 * Runs after the demo history (2020–2024) and before the demo meetings (2026), so the
 * meetings and their action items belong to the new period.
 */
export function seedDemoPeriods(db: Conn) {
  const beheerder = db.select().from(users).where(eq(users.email, 'beheer@koers.test')).get();
  const current = getCurrentPeriod(db);
  if (!beheerder || !current || current.periodEnd !== 2024) return;
  const actor = asActor(beheerder);
  const concept = createConcept(actor, { title: current.title, periodStart: 2025, periodEnd: 2028, isExample: true }, db);
  if (!concept.ok) throw new Error(`Demo periods: ${concept.message}`);
  const imported = importAgendaText(db, fs.readFileSync(EXAMPLE_AGENDA_FILE, 'utf8'), { userId: actor.id });
  if (!imported.ok) throw new Error(`Demo periods: example agenda is invalid: ${imported.errors.map((e) => e.message).join('; ')}`);

  const target = getPeriod(concept.id, db)!;
  for (const code of CONTINUED_GOALS) {
    const goal = db
      .select({ id: goals.id })
      .from(goals)
      .where(and(eq(goals.agendaId, current.id), eq(goals.code, code)))
      .get();
    if (goal) carryGoal(db, actor.id, goal.id, target);
  }
  const decisions = new Map<number, ClosingDecision>(
    listOpenActions(current.id, db).map((a) => [
      a.id,
      a.status === 'niet_gestart' ? { choice: 'niet_afgerond', reason: NOT_FINISHED_REASON } : { choice: 'meenemen', reason: '' },
    ]),
  );
  const adopted = adoptConcept(actor, { conceptId: concept.id, decisions }, db);
  if (!adopted.ok) throw new Error(`Demo periods: ${adopted.message}`);
  setNewDeadlines(db, concept.id);
}

function setNewDeadlines(db: Conn, periodId: number) {
  for (const [code, phrase] of Object.entries(NEW_DEADLINES)) {
    const parsed = parseDeadline(phrase);
    if (!parsed.ok) throw new Error(`Demo periods: deadline "${phrase}": ${parsed.error}`);
    const { start, end } = parsed.deadline;
    db.update(actions)
      .set({ deadlinePhrase: parsed.deadline.phrase, deadlineStart: start, deadlineEnd: end })
      .where(and(eq(actions.agendaId, periodId), eq(actions.code, code)))
      .run();
  }
}
