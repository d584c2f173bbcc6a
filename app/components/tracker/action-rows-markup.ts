/**
 * The rows of the action tables as HTML markup: the list (/acties, "Mijn acties", a
 * meeting's actions) and a goal's actions (the overview, the goal page). The tables draw
 * their <table>, caption and header with React and put these rows in the <tbody>, as the
 * charts' tables do (app/models/charts/table-markup.ts).
 *
 * Why markup: a row is about twenty elements, and React spends some 3 µs on each while
 * rendering a page on the server. The list's fifty rows were 3–4 ms of its uncached render,
 * the overview's hundreds of rows more (docs/scaling.md, "Rows as markup"). Nothing in a row
 * needs React: it is text and links, and the links keep client-side navigation through
 * `useRouterForPlainLinks`.
 *
 * The markup is what the cell components in action-bits.tsx and owner-text.tsx render, to
 * the byte; action-rows-markup.test.ts renders both and compares them, so they cannot drift.
 * Every text and attribute passes `escapeMarkup`.
 */
import { t } from '../../i18n';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../models/tracker/action-status';
import type { OverviewAction } from '../../models/tracker/agenda.server';
import { formatWindow } from '../../models/tracker/deadline';
import { escapeMarkup as esc } from '../../utils/markup';

/** What a row of an action table shows: what the overview loads of each action. */
export type ActionRow = OverviewAction;

/** A row of the action list: an action row with its code and goal. */
export type ActionTableRow = ActionRow & {
  code: string | null;
  goalId: number;
  goalCode: string;
  goalTitle: string;
};

const col = t.tracker.columns;

/** `OwnerText`: the person, with their organisation beneath; or just the organisation. */
export function ownerMarkup(person: string | null, organisation: string | null): string {
  if (!person && !organisation) return `<span class="muted">${esc(t.tracker.action.noOwner)}</span>`;
  const personPart = person ? `<span class="owner__person">${esc(person)}</span>` : '';
  const separator = person && organisation ? ' ' : '';
  const organisationPart = organisation ? `<span class="${person ? 'owner__org muted' : 'owner__org'}">${esc(organisation)}</span>` : '';
  return `<span class="owner">${personPart}${separator}${organisationPart}</span>`;
}

/** `DeadlineText` with the kind taken from the window, as the tables show it. */
export function deadlineMarkup(phrase: string | null, start: string | null, end: string | null): string {
  if (!phrase) return `<span class="muted">${esc(t.dates.noDeadline)}</span>`;
  const window = esc(formatWindow({ start, end, kind: start && end ? 'window' : start ? 'from' : 'by' }));
  return `<span class="deadline" title="${window}" data-window="${window}">${esc(phrase)}<span class="visually-hidden"> (${window})</span></span>`;
}

/** `StatusBadge`. */
export function statusMarkup(status: ActionStatus): string {
  return `<span class="status status--${status}">${esc(ACTION_STATUS_LABELS[status])}</span>`;
}

/** `OverdueBadge`. */
export function overdueMarkup(): string {
  return `<span class="badge-overdue">${esc(t.tracker.overdue)}</span>`;
}

/** `ProgressBar`. */
export function progressMarkup(value: number): string {
  const width = Math.max(0, Math.min(100, value));
  return `<span class="progress"><span class="progress__bar" aria-hidden="true"><span class="progress__fill" style="width:${width}%"></span></span><span>${value}%</span></span>`;
}

/**
 * The cells every action table ends with: trekker, termijn, status with the overdue badge,
 * progress. Each carries its column's name as data-label: on a phone the table is a list
 * of cards (`card-table`, app.css) and the labels stand before the values.
 */
export function actionCellsMarkup(row: ActionRow): string {
  return [
    `<td data-label="${esc(col.owner)}">${ownerMarkup(row.ownerUserName, row.ownerOrganisationName)}</td>`,
    `<td data-label="${esc(col.deadline)}">${deadlineMarkup(row.deadlinePhrase, row.deadlineStart, row.deadlineEnd)}</td>`,
    `<td data-label="${esc(col.status)}"><span class="status-cell">${statusMarkup(row.status)}${row.overdue ? overdueMarkup() : ''}</span></td>`,
    `<td data-label="${esc(col.progress)}">${progressMarkup(row.progress)}</td>`,
  ].join('');
}

function actionLink(row: ActionRow): string {
  return `<a href="/acties/${row.id}">${esc(row.title)}</a>`;
}

function scopeTag(text: string): string {
  return `<span class="scope-tag">${esc(text)}</span>`;
}

/** The rows of the action list: code, title, goal, then the common cells. */
export function actionListRowsMarkup(rows: ActionTableRow[]): string {
  return rows
    .map((row) => {
      const local = row.municipalityName ? scopeTag(t.lists.list.local(row.municipalityName)) : '';
      const goal = `<a href="/doelen/${row.goalId}" title="${esc(row.goalTitle)}">${esc(row.goalCode)}</a>`;
      return (
        `<tr><td class="action-table__code">${esc(row.code ?? '')}</td>` +
        `<th scope="row" class="cell-title">${actionLink(row)}${local}</th>` +
        `<td class="action-table__goal" data-label="${esc(t.lists.list.columns.goal)}">${goal}</td>` +
        `${actionCellsMarkup(row)}</tr>`
      );
    })
    .join('');
}

/**
 * The rows of a goal's actions. With `scopeColumn` the scope (regional, or local to a
 * municipality) has a cell of its own; without it a local action carries a tag after its title.
 */
export function goalActionRowsMarkup(rows: ActionRow[], scopeColumn: boolean): string {
  return rows
    .map((row) => {
      const local = row.municipalityName ? t.tracker.goal.local(row.municipalityName) : null;
      const tag = !scopeColumn && local ? scopeTag(local) : '';
      const scope = scopeColumn ? `<td data-label="${esc(col.scope)}">${esc(local ?? t.tracker.action.regional)}</td>` : '';
      return `<tr><th scope="row" class="cell-title">${actionLink(row)}${tag}</th>${scope}${actionCellsMarkup(row)}</tr>`;
    })
    .join('');
}
