import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import type { BalanceAction } from '../../models/periods/balance.server';

const b = t.periods.balance;

/**
 * A goal's actions in the balance and how each ended: on the period page of a small
 * period, and a page at a time on a chapter's balance (decision 034).
 */
export function BalanceGoalTable({ goal }: { goal: { id: number; code: string; title: string; actions: BalanceAction[] } }) {
  return (
    <div className="table-wrap">
      <table>
        <caption>
          <Link to={`/doelen/${goal.id}`}>
            {goal.code} {goal.title}
          </Link>
        </caption>
        <thead>
          <tr>
            <th scope="col">{b.action}</th>
            <th scope="col">{b.outcome}</th>
            <th scope="col">{b.detail}</th>
          </tr>
        </thead>
        <tbody>
          {goal.actions.map((action) => (
            <tr key={action.id}>
              <th scope="row">
                <Link to={`/acties/${action.id}`}>{action.title}</Link>
                {action.municipalityName ? <span className="muted"> ({action.municipalityName})</span> : null}
              </th>
              <td>{b.outcomes[action.outcome]}</td>
              <td>
                {action.carriedTo ? (
                  <Link to={`/acties/${action.carriedTo.id}`}>{b.carriedTo(action.carriedTo.periodLabel)}</Link>
                ) : (
                  (action.reason ?? '')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
