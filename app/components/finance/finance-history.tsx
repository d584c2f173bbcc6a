import { t } from '../../i18n';
import { finance as financeText } from '../../i18n/nl/finance';
import { formatEuro } from '../../models/finance/money';
import type { HistoryEntry } from '../../models/history.server';
import { formatDateTime } from '../../utils/date-time';

const h = t.history;

/** A changed value as a reader would say it: amounts (fields ending in "Cents") in euros. */
function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return h.empty;
  if (field.endsWith('Cents') && typeof value === 'number') return formatEuro(value);
  return String(value);
}

/** Every recorded change of one record of the financial overview, newest first. */
export function FinanceHistory({ entries }: { entries: HistoryEntry[] }) {
  return (
    <section aria-labelledby="finance-history">
      <h2 id="finance-history">{h.heading}</h2>
      {entries.length === 0 ? (
        <p>{h.none}</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.id}>
              <strong>{h.change[e.change] ?? e.change}</strong> {formatDateTime(e.at)}
              {e.userName ? ` — ${e.userName}` : ''}
              {e.change === 'update' && e.after ? (
                <ul>
                  {Object.keys(e.after).map((field) => (
                    <li key={field}>
                      {financeText.historyFields[field] ?? field}: {show(field, e.before?.[field])} → {show(field, e.after?.[field])}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
