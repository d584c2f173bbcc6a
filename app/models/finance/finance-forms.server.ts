/**
 * The four forms of the financial overview (stream, allocation, commitment, spending)
 * seen from the pages: by the address segment (/financien/<soort>/nieuw and
 * /financien/<soort>/<id>), which schema reads the form, which model call creates or
 * corrects, how a stored row fills the form again, and the choices the form offers.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';

import { actions, agendas, goals, organisations } from '../../../db/schema';
import { finance as financeText } from '../../i18n/nl/finance';
import { AllocationFormSchema, CommitmentFormSchema, SpendingFormSchema, StreamFormSchema } from '../../schemas/finance';
import { db } from '../../utils/db.server';
import { type FormResult, parseForm } from '../../utils/forms';
import { listHistoryOf } from '../history.server';
import type { Actor } from '../permissions';
import {
  createAllocation,
  createCommitment,
  createSpending,
  createStream,
  deleteFinanceRecord,
  financeDependents,
  type FinanceResult,
  getAllocation,
  getCommitment,
  getSpending,
  getStream,
  listFinanceRows,
  updateAllocation,
  updateCommitment,
  updateSpending,
  updateStream,
} from './finance.server';
import { ALLOCATION_PURPOSE_LABELS } from './finance-rules';
import { amountInputText, formatEuro } from './money';

export const FINANCE_FORM_KINDS = ['geldstromen', 'toewijzingen', 'verplichtingen', 'bestedingen'] as const;
export type FinanceFormKind = (typeof FINANCE_FORM_KINDS)[number];

export function isFinanceFormKind(value: string | undefined): value is FinanceFormKind {
  return (FINANCE_FORM_KINDS as readonly string[]).includes(value ?? '');
}

type Values = Record<string, string>;
const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? '' : amountInputText(cents));

type Kind = {
  entity: 'finance_stream' | 'finance_allocation' | 'finance_commitment' | 'finance_spending';
  read: (formData: FormData) => FormResult<unknown>;
  create: (actor: Actor, input: never) => FinanceResult;
  update: (actor: Actor, id: number, input: never) => FinanceResult;
  /** What the record is called on its delete page ("Geldstroom", "Toewijzing", …). */
  noun: string;
  /** The stored row as form values, the year its money belongs to, its page title and a one-line description; undefined when there is none. */
  load: (id: number) => { values: Values; year: number; title: string; label: string } | undefined;
};

function municipalityName(id: number) {
  return db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)).get()?.name;
}

function yearOfStream(streamId: number) {
  return getStream(streamId)?.year ?? 0;
}

const KINDS: Record<FinanceFormKind, Kind> = {
  geldstromen: {
    entity: 'finance_stream',
    noun: financeText.entities.stream,
    read: (fd) => parseForm(StreamFormSchema, fd),
    create: createStream as Kind['create'],
    update: updateStream as Kind['update'],
    load: (id) => {
      const s = getStream(id);
      if (!s) return undefined;
      return {
        year: s.year,
        title: financeText.form.editStreamTitle(s.name),
        label: `${s.name} (${formatEuro(s.receivedCents)})`,
        values: {
          year: String(s.year),
          kind: s.kind,
          name: s.name,
          receivedCents: money(s.receivedCents),
          municipalityId: text(s.municipalityId),
          carryOverCents: money(s.carryOverCents),
          repaymentCents: money(s.repaymentCents),
          notes: s.notes,
        },
      };
    },
  },
  toewijzingen: {
    entity: 'finance_allocation',
    noun: financeText.entities.allocation,
    read: (fd) => parseForm(AllocationFormSchema, fd),
    create: createAllocation as Kind['create'],
    update: updateAllocation as Kind['update'],
    load: (id) => {
      const a = getAllocation(id);
      if (!a) return undefined;
      return {
        year: yearOfStream(a.streamId),
        title: financeText.form.editAllocationTitle,
        label: financeText.form.allocationLabel(
          getStream(a.streamId)?.name ?? '',
          ALLOCATION_PURPOSE_LABELS[a.purpose],
          a.municipalityId === null ? financeText.regional : (municipalityName(a.municipalityId) ?? ''),
          formatEuro(a.amountCents),
        ),
        values: {
          streamId: String(a.streamId),
          purpose: a.purpose,
          municipalityId: text(a.municipalityId),
          goalId: text(a.goalId),
          actionId: text(a.actionId),
          amountCents: money(a.amountCents),
          description: a.description,
        },
      };
    },
  },
  verplichtingen: {
    entity: 'finance_commitment',
    noun: financeText.entities.commitment,
    read: (fd) => parseForm(CommitmentFormSchema, fd),
    create: createCommitment as Kind['create'],
    update: updateCommitment as Kind['update'],
    load: (id) => {
      const c = getCommitment(id);
      if (!c) return undefined;
      const allocation = getAllocation(c.allocationId);
      return {
        year: allocation ? yearOfStream(allocation.streamId) : 0,
        title: financeText.form.editCommitmentTitle(c.party),
        label: financeText.form.commitmentLabel(c.party, formatEuro(c.amountCents)),
        values: {
          allocationId: String(c.allocationId),
          kind: c.kind,
          party: c.party,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          amountCents: money(c.amountCents),
          reference: c.reference,
        },
      };
    },
  },
  bestedingen: {
    entity: 'finance_spending',
    noun: financeText.entities.spending,
    read: (fd) => parseForm(SpendingFormSchema, fd),
    create: createSpending as Kind['create'],
    update: updateSpending as Kind['update'],
    load: (id) => {
      const s = getSpending(id);
      if (!s) return undefined;
      const allocation = getAllocation(s.allocationId);
      return {
        year: allocation ? yearOfStream(allocation.streamId) : 0,
        title: financeText.form.editSpendingTitle,
        label: financeText.form.spendingLabel(s.date, s.description, formatEuro(s.amountCents)),
        values: {
          allocationId: String(s.allocationId),
          commitmentId: text(s.commitmentId),
          date: s.date,
          amountCents: money(s.amountCents),
          description: s.description,
        },
      };
    },
  },
};

/** Reads the form and creates (`id` null) or corrects the row; the Dutch messages per field when it cannot. */
export function saveFinanceForm(
  kind: FinanceFormKind,
  actor: Actor,
  id: number | null,
  formData: FormData,
): FinanceResult & { values?: Values } {
  const form = KINDS[kind].read(formData);
  if (!form.ok) return { ok: false, fieldErrors: form.fieldErrors, values: form.values };
  const input = form.data as never;
  const result = id === null ? KINDS[kind].create(actor, input) : KINDS[kind].update(actor, id, input);
  if (!result.ok)
    return {
      ...result,
      values: Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')),
    };
  return result;
}

export function loadFinanceFormRow(kind: FinanceFormKind, id: number) {
  return KINDS[kind].load(id);
}

/** What deleting the record needs: its noun, and the Dutch reason it cannot be deleted now (null: it can). */
export function financeDeleteCheck(kind: FinanceFormKind, id: number) {
  return { noun: KINDS[kind].noun, refused: financeDependents(KINDS[kind].entity, id) };
}

/** Deletes the record (refused with the Dutch reason while others depend on it). */
export function deleteFinanceForm(kind: FinanceFormKind, actor: Actor, id: number) {
  return deleteFinanceRecord(actor, KINDS[kind].entity, id);
}

export function financeFormHistory(kind: FinanceFormKind, id: number) {
  return listHistoryOf({ entityType: KINDS[kind].entity, entityId: id, limit: 20 });
}

/** The choices of the forms for the money of one year: streams, allocations, commitments; and the municipalities and goals. */
export function financeFormOptions(year: number) {
  const rows = listFinanceRows([year]);
  const streamName = new Map(rows.streams.map((s) => [s.id, s.name]));
  const municipalities = db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'gemeente'))
    .orderBy(asc(organisations.name))
    .all();
  // The goals of the periods whose years hold this year (newest period first), else of every period.
  const periods = db
    .select({ id: agendas.id, periodStart: agendas.periodStart, periodEnd: agendas.periodEnd })
    .from(agendas)
    .orderBy(desc(agendas.periodStart))
    .all();
  const holding = periods.filter((p) => p.periodStart <= year && year <= p.periodEnd).map((p) => p.id);
  const goalRows = db
    .select({ id: goals.id, code: goals.code, title: goals.title })
    .from(goals)
    .where(holding.length ? inArray(goals.agendaId, holding) : undefined)
    .orderBy(asc(goals.code))
    .all();
  // The actions of those periods, grouped under their goal (the server accepts no other).
  const actionRows = holding.length
    ? db
        .select({ id: actions.id, code: actions.code, title: actions.title, goalId: actions.goalId })
        .from(actions)
        .where(inArray(actions.agendaId, holding))
        .orderBy(asc(actions.goalId), asc(actions.position), asc(actions.id))
        .all()
    : [];
  const goalLabel = new Map(goalRows.map((g) => [g.id, `${g.code} ${g.title}`]));
  const actionGroups = new Map<number, { goalId: number; label: string; options: { id: number; label: string }[] }>();
  for (const a of actionRows) {
    const group = actionGroups.get(a.goalId) ?? { goalId: a.goalId, label: goalLabel.get(a.goalId) ?? '', options: [] };
    group.options.push({ id: a.id, label: a.code ? `${a.code} ${a.title}` : a.title });
    actionGroups.set(a.goalId, group);
  }
  return {
    year,
    actionGroups: goalRows.filter((g) => actionGroups.has(g.id)).map((g) => actionGroups.get(g.id)!),
    streams: rows.streams.map((s) => ({ id: s.id, label: `${s.name} (${formatEuro(s.receivedCents)})` })),
    allocations: rows.allocations.map((a) => ({
      id: a.id,
      label: financeText.form.allocationLabel(
        streamName.get(a.streamId) ?? '',
        ALLOCATION_PURPOSE_LABELS[a.purpose],
        a.municipalityName ?? financeText.regional,
        formatEuro(a.amountCents),
      ),
    })),
    commitments: rows.commitments.map((c) => ({ id: c.id, label: financeText.form.commitmentLabel(c.party, formatEuro(c.amountCents)) })),
    municipalities,
    goals: goalRows.map((g) => ({ id: g.id, label: `${g.code} ${g.title}` })),
  };
}

export type FinanceFormOptions = ReturnType<typeof financeFormOptions>;
