/** The warnings of the financial overview as Dutch sentences (the page, the exports and the yearly report say them alike). */
import { finance as financeText } from '../../i18n/nl/finance';
import { formatEuro } from './money';
import type { FinanceWarning } from './overview';

const w = financeText.warnings;

/** The stream as a sentence names it: its name, with the year unless the name holds it. */
function label(warning: FinanceWarning) {
  return warning.stream.includes(String(warning.year)) ? warning.stream : `${warning.stream} ${warning.year}`;
}

export function warningText(warning: FinanceWarning): string {
  switch (warning.kind) {
    case 'obligationAtRisk':
      return w.obligationAtRisk(label(warning), formatEuro(warning.uncoveredCents), formatEuro(warning.limitCents), warning.percent);
    case 'repaymentExpected':
      return w.repaymentExpected(label(warning), formatEuro(warning.excessCents));
    case 'carryOverAboveLimit':
      return w.carryOverAboveLimit(label(warning), formatEuro(warning.carriedCents), formatEuro(warning.limitCents), warning.percent);
    case 'overAllocated':
      return w.overAllocated(label(warning), formatEuro(warning.overCents));
    case 'overCommitted':
      return w.overCommitted(label(warning), formatEuro(warning.overCents));
  }
}
