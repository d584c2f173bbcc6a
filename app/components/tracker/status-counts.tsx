import { t } from '../../i18n';
import { ACTION_STATUSES, type ActionStatus } from '../../models/tracker/action-status';

type Counts = Record<ActionStatus, number> & { overdue: number; total: number };

const c = t.tracker.counts;

/** "19 acties: 12 lopend, 3 afgerond, 4 niet gestart — 3 te laat" (only the statuses that occur). */
export function CountsLine({ counts }: { counts: Counts }) {
  if (counts.total === 0) return <span className="counts">{c.none}</span>;
  const parts = ACTION_STATUSES.filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${c.status[status]}`);
  return (
    <span className="counts">
      {c.total(counts.total)}: {parts.join(', ')}
      {counts.overdue > 0 ? (
        <>
          {' — '}
          <strong className="counts__overdue">
            {counts.overdue} {c.overdue}
          </strong>
        </>
      ) : null}
    </span>
  );
}
