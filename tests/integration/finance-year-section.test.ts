/**
 * The financial overview's part of the yearly report (financeYearSection), over the demo
 * money: what the report of a year takes, and null for a year without money.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { createCommitment, getFinanceOverview, listFinanceRows } from '../../app/models/finance/finance.server';
import { financeYearSection } from '../../app/models/finance/year-section.server';
import { asActor } from '../../app/models/permissions';
import { db } from '../../app/utils/db.server';
import { users } from '../../db/schema';
import { prepareDatabase } from '../setup/database';
import { demoUserId } from '../setup/demo-users';

beforeAll(async () => {
  await prepareDatabase({ periods: true });
});

describe('financeYearSection', () => {
  it('is null for a year without money', () => {
    expect(financeYearSection(db, 2019, '2026-06-30')).toBeNull();
  });

  it('gives a settled year its streams, totals that add up, the seven municipalities and the goals, marked as example figures', () => {
    const section = financeYearSection(db, 2024, '2026-06-30')!;
    expect(section.year).toBe(2024);
    expect(section.containsExampleFigures).toBe(true);
    expect(section.streams.map((s) => s.name)).toEqual([
      'Rijksbijdrage educatie (WEB) 2024',
      'Overgeheveld uit 2023: Rijksbijdrage educatie (WEB) 2023',
      'Decentralisatie-uitkering basisvaardigheden 2024',
      'Eigen middelen Haarlem 2024',
      'Eigen middelen Velsen 2024',
    ]);
    // What 2023 carried over is received in 2024 without being typed again.
    const carried2023 = financeYearSection(db, 2023, '2026-06-30')!.streams[0].carryOverCents;
    expect(carried2023).toBeGreaterThan(0);
    expect(section.streams[1].receivedCents).toBe(carried2023);
    const web = section.streams[0];
    expect(web.receivedCents).toBe(382_000_000);
    expect(web.leftCents).toBe(web.receivedCents - web.spentCents);
    expect(web.carryOverCents + web.repaymentCents).toBe(web.leftCents);
    for (const key of ['receivedCents', 'allocatedCents', 'committedCents', 'spentCents', 'leftCents'] as const) {
      expect(section.totals[key]).toBe(section.streams.reduce((sum, s) => sum + s[key], 0));
      expect(Number.isInteger(section.totals[key])).toBe(true);
    }
    expect(section.perMunicipality.map((m) => m.name)).toEqual([
      'Beverwijk',
      'Bloemendaal',
      'Haarlem',
      'Heemskerk',
      'Heemstede',
      'Velsen',
      'Zandvoort',
      'Regionaal (geen gemeente)',
    ]);
    expect(section.perMunicipality.reduce((sum, m) => sum + m.allocatedCents, 0)).toBe(section.totals.allocatedCents);
    expect(section.perGoal.length).toBeGreaterThan(0);
    expect(section.warnings).toEqual([]);
    // Plain data: it survives being frozen as JSON.
    expect(JSON.parse(JSON.stringify(section))).toEqual(section);
  });

  it('warns in Dutch while the WEB spending obligation of the running year is at risk, and stops once it is covered', () => {
    const section = financeYearSection(db, 2026, '2026-06-30')!;
    expect(section.warnings).toHaveLength(1);
    expect(section.warnings[0]).toMatch(
      /^Bestedingsverplichting in gevaar: van Rijksbijdrage educatie \(WEB\) 2026 is €\u00a0[\d.]+,\d\d nog niet besteed of verplicht/,
    );

    const overview = getFinanceOverview([2026], '2026-06-30');
    const web = overview.streams.find((s) => s.kind === 'web')!;
    const rows = listFinanceRows([2026]);
    const open = rows.allocations.filter((a) => a.streamId === web.id && !rows.commitments.some((c) => c.allocationId === a.id));
    const werkgroep = asActor(
      db
        .select()
        .from(users)
        .all()
        .find((u) => u.id === demoUserId('haarlem'))!,
    );
    for (const allocation of open) {
      const result = createCommitment(werkgroep, {
        allocationId: allocation.id,
        kind: 'subsidiebeschikking',
        party: `Taalhuis ${allocation.municipalityName}`,
        periodFrom: '2026-01-01',
        periodTo: '2026-12-31',
        amountCents: allocation.amountCents,
        reference: '',
      });
      expect(result.ok).toBe(true);
    }
    expect(financeYearSection(db, 2026, '2026-06-30')!.warnings).toEqual([]);
  });
});
