import { type ReactNode, useId } from 'react';

import { finance as financeText } from '../../i18n/nl/finance';
import { ALLOCATION_PURPOSE_LABELS, STREAM_KIND_LABELS } from '../../models/finance/finance-rules';
import { formatEuro, formatShare, percentageShares } from '../../models/finance/money';
import type { FinanceOverview, SpentAmounts } from '../../models/finance/overview';

const c = financeText.columns;
const tb = financeText.tables;

/** An overview with its municipalities and goals named (app/models/finance/finance-view.server.ts). */
type Overview = Pick<FinanceOverview, 'streams' | 'totals' | 'perPurpose'> & {
  perMunicipality: (SpentAmounts & { municipalityId: number | null; name: string })[];
  perGoal: (SpentAmounts & { goalId: number; code: string; title: string })[];
};

/**
 * A wide table in a box that scrolls sideways on a phone: a labelled region that takes the
 * keyboard focus, so the part outside the screen can be scrolled to without a mouse.
 */
export function ScrollTable({
  caption,
  className = 'data finance-table',
  children,
}: {
  caption: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={className}>
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

function Money({ cents }: { cents: number }) {
  return <td className="num">{formatEuro(cents)}</td>;
}

/** Received, allocated, committed, spent and left per stream, with the carry-over and a totals row. */
export function StreamTable({ overview, showYear }: { overview: Overview; showYear: boolean }) {
  return (
    <ScrollTable caption={tb.streamsCaption}>
      <thead>
        <tr>
          <th scope="col">{c.stream}</th>
          {showYear ? <th scope="col">{c.year}</th> : null}
          <th scope="col">{c.kind}</th>
          <th scope="col" className="num">
            {c.received}
          </th>
          <th scope="col" className="num">
            {c.allocated}
          </th>
          <th scope="col" className="num">
            {c.committed}
          </th>
          <th scope="col" className="num">
            {c.spent}
          </th>
          <th scope="col" className="num">
            {c.left}
          </th>
          <th scope="col" className="num">
            {c.carryOver}
          </th>
          <th scope="col" className="num">
            {c.repayment}
          </th>
        </tr>
      </thead>
      <tbody>
        {overview.streams.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.name}</th>
            {showYear ? <td>{s.year}</td> : null}
            <td>{STREAM_KIND_LABELS[s.kind]}</td>
            <Money cents={s.receivedCents} />
            <Money cents={s.allocatedCents} />
            <Money cents={s.committedCents} />
            <Money cents={s.spentCents} />
            <Money cents={s.leftCents} />
            <td className="num">{s.settled ? formatEuro(s.carryOverCents) : '–'}</td>
            <td className="num">{s.settled ? formatEuro(s.repaymentCents) : '–'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{tb.total}</th>
          {showYear ? <td /> : null}
          <td />
          <Money cents={overview.totals.receivedCents} />
          <Money cents={overview.totals.allocatedCents} />
          <Money cents={overview.totals.committedCents} />
          <Money cents={overview.totals.spentCents} />
          <Money cents={overview.totals.leftCents} />
          <Money cents={overview.totals.carryOverCents} />
          <Money cents={overview.totals.repaymentCents} />
        </tr>
      </tfoot>
    </ScrollTable>
  );
}

type SpentRow = { key: string; label: string; allocatedCents: number; committedCents: number; spentCents: number };

/** Allocated, committed and spent per place (municipality, goal, purpose), with each row's share of the allocated money. */
export function SpentTable({ caption, header, rows }: { caption: string; header: string; rows: SpentRow[] }) {
  const shares = percentageShares(rows.map((r) => r.allocatedCents));
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col" className="num">
            {c.allocated}
          </th>
          <th scope="col" className="num">
            {c.share}
          </th>
          <th scope="col" className="num">
            {c.committed}
          </th>
          <th scope="col" className="num">
            {c.spent}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <Money cents={r.allocatedCents} />
            <td className="num">{formatShare(shares[i])}</td>
            <Money cents={r.committedCents} />
            <Money cents={r.spentCents} />
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export function municipalityRows(overview: Overview): SpentRow[] {
  return overview.perMunicipality.map((r) => ({ key: String(r.municipalityId ?? 'regio'), label: r.name, ...r }));
}
export function goalRows(overview: Overview): SpentRow[] {
  return overview.perGoal.map((r) => ({ key: String(r.goalId), label: `${r.code} ${r.title}`, ...r }));
}
export function purposeRows(overview: Overview): SpentRow[] {
  return overview.perPurpose.map((r) => ({ key: r.purpose, label: ALLOCATION_PURPOSE_LABELS[r.purpose], ...r }));
}
