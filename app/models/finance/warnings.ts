/** The warnings of the financial overview as Dutch sentences (the page, the exports and the yearly report say them alike). */
import { t } from '../../i18n';
import { formatEuro } from './money';
import type { FinanceWarning } from './overview';

const w = t.finance.warnings;

export function warningText(warning: FinanceWarning): string {
  switch (warning.kind) {
    case 'obligationAtRisk':
      return w.obligationAtRisk(
        warning.stream,
        warning.year,
        formatEuro(warning.uncoveredCents),
        formatEuro(warning.limitCents),
        warning.percent,
      );
    case 'repaymentExpected':
      return w.repaymentExpected(warning.stream, warning.year, formatEuro(warning.excessCents));
    case 'carryOverAboveLimit':
      return w.carryOverAboveLimit(
        warning.stream,
        warning.year,
        formatEuro(warning.carriedCents),
        formatEuro(warning.limitCents),
        warning.percent,
      );
    case 'overAllocated':
      return w.overAllocated(warning.stream, warning.year, formatEuro(warning.overCents));
    case 'overCommitted':
      return w.overCommitted(warning.stream, warning.year, formatEuro(warning.overCents));
  }
}
