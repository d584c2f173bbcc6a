import { Link } from '@remix-run/react';

import { t } from '../../i18n';
import type { ActionSort, FilterValues, SortDirection } from '../../schemas/action-filters';
import { useRouterForPlainLinks } from '../../utils/use-router-for-plain-links';
import { filterQuery } from './action-filters';
import { actionListRowsMarkup, type ActionTableRow } from './action-rows-markup';

const c = t.lists.list.columns;

export type { ActionTableRow };

/** A list row cut down to what the table shows (a list row carries more: partners, theme, ids). */
export function toTableRow(row: ActionTableRow): ActionTableRow {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    status: row.status,
    progress: row.progress,
    deadlinePhrase: row.deadlinePhrase,
    deadlineStart: row.deadlineStart,
    deadlineEnd: row.deadlineEnd,
    ownerUserName: row.ownerUserName,
    ownerOrganisationName: row.ownerOrganisationName,
    municipalityName: row.municipalityName,
    overdue: row.overdue,
    goalId: row.goalId,
    goalCode: row.goalCode,
    goalTitle: row.goalTitle,
  };
}

/** Sorting state and where its header links point; without it the headers are plain text. */
export type TableSorting = { path: string; values: FilterValues; sort: ActionSort; direction: SortDirection };

const COLUMNS: { key: keyof typeof c; sort: ActionSort | null }[] = [
  { key: 'code', sort: 'code' },
  { key: 'title', sort: 'titel' },
  { key: 'goal', sort: null },
  { key: 'owner', sort: null },
  { key: 'deadline', sort: 'termijn' },
  { key: 'status', sort: 'status' },
  { key: 'progress', sort: 'voortgang' },
];

/**
 * Actions as a data table: code, title (link), goal (link), trekker, termijn, status with
 * the overdue badge, progress. The header is React's (its sort links); the rows are written
 * as markup (action-rows-markup.ts), their links going through the router all the same.
 */
export function ActionTable({
  rows,
  caption,
  sorting,
  id,
}: {
  rows: ActionTableRow[];
  caption: string;
  sorting?: TableSorting;
  id?: string;
}) {
  const rowsRef = useRouterForPlainLinks<HTMLTableSectionElement>();
  return (
    <div className="table-wrap">
      <table className="data compact action-table card-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((col) => (
              <SortableHeader key={col.key} label={c[col.key]} sort={col.sort} sorting={sorting} />
            ))}
          </tr>
        </thead>
        <tbody ref={rowsRef} dangerouslySetInnerHTML={{ __html: actionListRowsMarkup(rows) }} />
      </table>
    </div>
  );
}

function SortableHeader({ label, sort, sorting }: { label: string; sort: ActionSort | null; sorting?: TableSorting }) {
  if (!sorting || !sort) return <th scope="col">{label}</th>;
  const active = sorting.sort === sort;
  const next: SortDirection = active && sorting.direction === 'op' ? 'af' : 'op';
  const href = `${sorting.path}${filterQuery(sorting.values, { sort, richting: next, pagina: null })}`;
  return (
    <th scope="col" aria-sort={active ? (sorting.direction === 'op' ? 'ascending' : 'descending') : undefined}>
      <Link to={href} className="sort-link">
        {label}
        {active ? (
          <>
            <span aria-hidden="true" className="sort-link__arrow">
              {sorting.direction === 'op' ? ' ▲' : ' ▼'}
            </span>
            <span className="visually-hidden"> ({sorting.direction === 'op' ? t.lists.list.sortedAsc : t.lists.list.sortedDesc})</span>
          </>
        ) : null}
      </Link>
    </th>
  );
}
