import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import type { OverviewAction } from '../../models/tracker/agenda.server';
import { DeadlineText, OverdueBadge, ProgressBar, StatusBadge } from './action-bits';
import { OwnerText } from './owner-text';

const col = t.tracker.columns;

/** What a row of an action table shows: what the overview loads of each action. */
export type ActionRow = OverviewAction;

/**
 * The cells every action table ends with: trekker, termijn, status with the overdue badge,
 * progress. Each carries its column's name as data-label: on a phone the table is a list
 * of cards (`card-table`, app.css) and the labels stand before the values.
 */
export function ActionRowCells({ row }: { row: ActionRow }) {
  return (
    <>
      <td data-label={col.owner}>
        <OwnerText person={row.ownerUserName} organisation={row.ownerOrganisationName} />
      </td>
      <td data-label={col.deadline}>
        <DeadlineText phrase={row.deadlinePhrase} start={row.deadlineStart} end={row.deadlineEnd} />
      </td>
      <td data-label={col.status}>
        <span className="status-cell">
          <StatusBadge status={row.status} />
          {row.overdue ? <OverdueBadge /> : null}
        </span>
      </td>
      <td data-label={col.progress}>
        <ProgressBar value={row.progress} />
      </td>
    </>
  );
}

/**
 * The actions of one goal as a table (the agenda overview and the goal page). With
 * `scopeColumn` the scope (regional, or local to a municipality) has a column of its own;
 * without it a local action carries a tag after its title. `plainLinks` renders the
 * title links as plain <a>: the overview has hundreds of rows, and <Link> costs a router
 * lookup each while rendering.
 */
export function GoalActionTable({
  actions,
  caption,
  scopeColumn = false,
  plainLinks = false,
}: {
  actions: ActionRow[];
  caption: string;
  scopeColumn?: boolean;
  plainLinks?: boolean;
}) {
  return (
    <table className="data compact card-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{col.action}</th>
          {scopeColumn ? <th scope="col">{col.scope}</th> : null}
          <th scope="col">{col.owner}</th>
          <th scope="col">{col.deadline}</th>
          <th scope="col">{col.status}</th>
          <th scope="col">{col.progress}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <th scope="row" className="cell-title">
              {plainLinks ? <a href={`/acties/${action.id}`}>{action.title}</a> : <Link to={`/acties/${action.id}`}>{action.title}</Link>}
              {!scopeColumn && action.municipalityName ? (
                <span className="scope-tag">{t.tracker.goal.local(action.municipalityName)}</span>
              ) : null}
            </th>
            {scopeColumn ? (
              <td data-label={col.scope}>
                {action.municipalityName ? t.tracker.goal.local(action.municipalityName) : t.tracker.action.regional}
              </td>
            ) : null}
            <ActionRowCells row={action} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
