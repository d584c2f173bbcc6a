import { and, eq, gte, inArray, lte } from 'drizzle-orm';

import type { AllocationPurpose, StreamKind } from '../../app/models/finance/finance-rules';
import { webCarryOverLimit } from '../../app/models/finance/finance-rules';
import type { Tx } from '../../app/models/history.server';
import { agendas, financeAllocations, financeCommitments, financeSpending, financeStreams, goals, organisations } from '../schema';

/**
 * Example money for the demo ("voorbeeldcijfers", every stream is marked `isExample`):
 * 2020–2026 for the labour-market region, in plausible magnitudes — the WEB contribution
 * Haarlem receives as contact municipality (about € 3,4–4 million a year), the smaller DU
 * basic-skills grant, Haarlem's and Velsen's own funds, one other grant. The formal part
 * is contracted with the Nova College, the non-formal part granted per municipality to
 * its Taalhuis. Past years are spent and settled (carry-over within the limit, the rest
 * paid back); 2026 is running: partly spent, and not every Taalhuis has its grant
 * decision yet, so the spending obligation of WEB 2026 is at risk. Deterministic: no
 * randomness, no clock. No history rows: the demo's money was "always there", and the
 * lists of recent changes stay about the agenda.
 */
const EURO = 100;

const WEB = [3_420_000, 3_480_000, 3_560_000, 3_710_000, 3_820_000, 3_905_000, 3_990_000];
const DU = [410_000, 425_000, 440_000, 520_000, 610_000, 640_000, 655_000];
/** Share of the allocated non-formal money per municipality (per mille; about their population). */
const NON_FORMAL_SHARES: [string, number][] = [
  ['Haarlem', 400],
  ['Velsen', 170],
  ['Beverwijk', 110],
  ['Heemskerk', 100],
  ['Bloemendaal', 80],
  ['Heemstede', 90],
  ['Zandvoort', 50],
];
/** Which part of a commitment was paid out, per year (per mille): corona years lower; 2026 is running. */
const PAID: Record<number, number> = { 2020: 780, 2021: 860, 2022: 930, 2023: 970, 2024: 955, 2025: 965, 2026: 560 };
/** In 2026 only these Taalhuizen have their grant decision so far. */
const GRANTED_2026 = new Set(['Haarlem', 'Velsen']);
const GOALS_BY_PERIOD: Record<string, { formal: string; nonFormal: string; digital: string }> = {
  '2020-2024': { formal: '1.3.a-A', nonFormal: '1.3.a-B', digital: '1.3.a-B' },
  '2025-2028': { formal: '2.1-B', nonFormal: '2.1-A', digital: '2.1-C' },
};

export function seedDemoFinance(tx: Tx) {
  const orgIds = new Map(
    tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .all()
      .map((o) => [o.name, o.id]),
  );
  const org = (name: string) => orgIds.get(name) ?? null;
  const goalFor = (year: number, which: 'formal' | 'nonFormal' | 'digital'): number | null => {
    const period = tx
      .select({ id: agendas.id, slug: agendas.slug })
      .from(agendas)
      .where(and(lte(agendas.periodStart, year), gte(agendas.periodEnd, year)))
      .get();
    const codes = period ? GOALS_BY_PERIOD[period.slug] : undefined;
    if (!period || !codes) return null;
    return (
      tx
        .select({ id: goals.id })
        .from(goals)
        .where(and(eq(goals.agendaId, period.id), inArray(goals.code, [codes[which]])))
        .get()?.id ?? null
    );
  };

  const addStream = (year: number, kind: StreamKind, name: string, euros: number, municipality: string | null) => {
    const values = {
      year,
      kind,
      name,
      receivedCents: euros * EURO,
      municipalityId: municipality ? org(municipality) : null,
      isExample: true,
    };
    const id = tx.insert(financeStreams).values(values).returning({ id: financeStreams.id }).get().id;
    return { id, receivedCents: values.receivedCents, spentCents: 0, kind, year };
  };
  const addAllocation = (
    streamId: number,
    purpose: AllocationPurpose,
    cents: number,
    municipality: string | null,
    goalId: number | null,
    description: string,
  ) =>
    tx
      .insert(financeAllocations)
      .values({ streamId, purpose, amountCents: cents, municipalityId: municipality ? org(municipality) : null, goalId, description })
      .returning({ id: financeAllocations.id })
      .get().id;
  const addCommitment = (allocationId: number, year: number, party: string, kind: 'contract' | 'subsidiebeschikking', cents: number) =>
    tx
      .insert(financeCommitments)
      .values({
        allocationId,
        kind,
        party,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        amountCents: cents,
        reference: `${kind === 'contract' ? 'C' : 'S'}-${year}-${allocationId}`,
      })
      .returning({ id: financeCommitments.id })
      .get().id;
  /** Pays `cents` in quarterly instalments (the last takes the remainder), up to the running quarter of 2026. */
  const pay = (allocationId: number, commitmentId: number | null, year: number, cents: number, what: string) => {
    const quarters = year === 2026 ? 3 : 4;
    const part = Math.floor(cents / quarters);
    for (let q = 1; q <= quarters; q++) {
      const amount = q === quarters ? cents - part * (quarters - 1) : part;
      tx.insert(financeSpending)
        .values({
          allocationId,
          commitmentId,
          date: `${year}-${String(q * 3).padStart(2, '0')}-28`,
          amountCents: amount,
          description: `${what}, termijn ${q}`,
        })
        .run();
    }
    return cents;
  };

  WEB.forEach((webEuros, i) => {
    const year = 2020 + i;
    const paid = PAID[year];
    // WEB: 45 % formal (Nova College), 50 % non-formal per municipality; 5 % not allocated yet.
    const web = addStream(year, 'web', `Rijksbijdrage educatie (WEB) ${year}`, webEuros, 'Haarlem');
    const formalCents = Math.round((web.receivedCents * 45) / 100);
    const formal = addAllocation(
      web.id,
      'formeel',
      formalCents,
      null,
      goalFor(year, 'formal'),
      'Formele educatie (NT1, NT2, digitale vaardigheden)',
    );
    const contract = addCommitment(formal, year, 'Nova College', 'contract', formalCents);
    web.spentCents += pay(formal, contract, year, Math.round((formalCents * paid) / 1000), 'Nova College');
    const nonFormalCents = Math.round((web.receivedCents * 50) / 100);
    for (const [municipality, share] of NON_FORMAL_SHARES) {
      const cents = Math.round((nonFormalCents * share) / 1000);
      const allocation = addAllocation(web.id, 'non_formeel', cents, municipality, goalFor(year, 'nonFormal'), `Taalhuis ${municipality}`);
      if (year === 2026 && !GRANTED_2026.has(municipality)) continue;
      const grant = addCommitment(allocation, year, `Taalhuis ${municipality}`, 'subsidiebeschikking', cents);
      web.spentCents += pay(allocation, grant, year, Math.round((cents * paid) / 1000), `Taalhuis ${municipality}`);
    }
    if (year < 2026) {
      const left = web.receivedCents - web.spentCents;
      const carry = Math.min(left, webCarryOverLimit(web.receivedCents, year));
      tx.update(financeStreams)
        .set({ carryOverCents: carry, repaymentCents: left - carry })
        .where(eq(financeStreams.id, web.id))
        .run();
    }

    // DU basic skills: digital skills and the volunteer organisations, regional.
    const du = addStream(year, 'du_basisvaardigheden', `Decentralisatie-uitkering basisvaardigheden ${year}`, DU[i], 'Haarlem');
    const duAllocation = addAllocation(
      du.id,
      'non_formeel',
      du.receivedCents,
      null,
      goalFor(year, 'digital'),
      'Digitale basisvaardigheden en vrijwilligersorganisaties',
    );
    const volunteers = addCommitment(
      duAllocation,
      year,
      'Stichting ABC en vrijwilligersorganisaties',
      'subsidiebeschikking',
      Math.round(du.receivedCents * 0.6),
    );
    pay(duAllocation, volunteers, year, Math.round((du.receivedCents * 0.6 * paid) / 1000), 'Vrijwilligersorganisaties');
    pay(duAllocation, null, year, Math.round((du.receivedCents * 0.3 * paid) / 1000), 'Cursussen Digi Sterker in de bibliotheken');

    // Own funds of Haarlem and Velsen for their Taalhuis.
    for (const [municipality, euros] of [
      ['Haarlem', 180_000],
      ['Velsen', 60_000],
    ] as const) {
      const own = addStream(year, 'gemeentelijk', `Eigen middelen ${municipality} ${year}`, euros, municipality);
      const allocation = addAllocation(
        own.id,
        'non_formeel',
        own.receivedCents,
        municipality,
        goalFor(year, 'nonFormal'),
        `Taalhuis ${municipality}, aanvullend`,
      );
      pay(allocation, null, year, Math.round((own.receivedCents * paid) / 1000), `Taalhuis ${municipality}, aanvullend`);
    }
  });

  // One other grant: a Tel mee met Taal project in 2022.
  const other = addStream(2022, 'overig', 'Tel mee met Taal: taalvriendelijke gemeente 2022', 45_000, null);
  const allocation = addAllocation(
    other.id,
    'non_formeel',
    other.receivedCents,
    null,
    goalFor(2022, 'nonFormal'),
    'Project taalvriendelijke gemeente',
  );
  const grant = addCommitment(allocation, 2022, 'Stichting Lezen en Schrijven', 'contract', other.receivedCents);
  pay(allocation, grant, 2022, other.receivedCents, 'Project taalvriendelijke gemeente');
}
