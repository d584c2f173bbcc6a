/**
 * A card of the board (/bord) as HTML markup: the board draws its columns with React and
 * puts each card into its list item as this markup (docs/decisions/040-board-cards-as-markup.md).
 *
 * Why markup: a card is some twenty-five elements (title, goal, trekker, termijn, and for
 * whoever may move it a form with a status menu), and the board shows up to 75 of them.
 * React spends some 3 µs on each element while rendering on the server, so the cards were
 * most of the board's uncached render, as the action rows were before decision 031.
 *
 * The card holds no React state: the board listens on the columns for a card's drag, its
 * form's submit and its link's click (delegation), and reads the card from `data-card`.
 * The deadline, the overdue badge and the trekker are the markup of the action tables
 * (action-rows-markup.ts), so a card and a row show them alike. Every text and attribute
 * passes `escapeMarkup`.
 */
import { t } from '../../i18n';
import { ACTION_STATUS_LABELS, ACTION_STATUSES, type ActionStatus } from '../../models/tracker/action-status';
import { escapeMarkup as esc } from '../../utils/markup';
import { deadlineMarkup, overdueMarkup } from './action-rows-markup';

const b = t.lists.board;

/** What a card shows, and whether this user may move it. */
export type BoardCard = {
  id: number;
  title: string;
  status: ActionStatus;
  goalCode: string;
  ownerUserName: string | null;
  ownerOrganisationName: string | null;
  municipalityName: string | null;
  deadlinePhrase: string | null;
  deadlineStart: string | null;
  deadlineEnd: string | null;
  overdue: boolean;
  mayMove: boolean;
};

/** The id of a card's element: the focus follows a moved card to it. */
export const cardElementId = (id: number) => `kaart-${id}`;

/**
 * One card, in the column of `status` (a card on its way to another column is drawn there
 * before its reply comes). `formAction` is where its move form posts: the board with its
 * filters, so that the reply's board is the one the user looks at.
 */
export function boardCardMarkup(card: BoardCard, status: ActionStatus, formAction: string): string {
  const id = cardElementId(card.id);
  const owner = [card.ownerUserName, card.ownerOrganisationName].filter(Boolean).join(', ');
  const classes = `board-card${card.overdue ? ' board-card--overdue' : ''}`;
  const dragHint = card.mayMove ? ` title="${esc(b.dragHint)}"` : '';
  return (
    `<article id="${id}" tabindex="-1" class="${classes}" aria-labelledby="${id}-title" data-card="${card.id}" draggable="${card.mayMove}"${dragHint}>` +
    `<h3 id="${id}-title" class="board-card__title"><a href="/acties/${card.id}" draggable="false">${esc(card.title)}</a></h3>` +
    `<dl class="board-card__meta">` +
    meta(b.goal, esc(card.goalCode)) +
    (owner ? meta(b.owner, esc(owner)) : '') +
    meta(
      b.deadline,
      deadlineMarkup(card.deadlinePhrase, card.deadlineStart, card.deadlineEnd) + (card.overdue ? ` ${overdueMarkup()}` : ''),
    ) +
    `</dl>` +
    (card.municipalityName ? `<p class="scope-tag">${esc(t.lists.list.local(card.municipalityName))}</p>` : '') +
    (card.mayMove ? moveFormMarkup(card, status, formAction) : '') +
    `</article>`
  );
}

function meta(term: string, value: string): string {
  return `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`;
}

/** The move form: a plain POST without JavaScript; with it, the board hands the form to its fetcher. */
function moveFormMarkup(card: BoardCard, status: ActionStatus, formAction: string): string {
  const selectId = `${cardElementId(card.id)}-status`;
  const options = ACTION_STATUSES.map(
    (option) => `<option value="${option}"${option === status ? ' selected=""' : ''}>${esc(ACTION_STATUS_LABELS[option])}</option>`,
  ).join('');
  return (
    `<form method="post" action="${esc(formAction)}" class="board-card__move">` +
    `<input type="hidden" name="intent" value="move"/>` +
    `<input type="hidden" name="actionId" value="${card.id}"/>` +
    `<label for="${selectId}">${esc(b.moveLabel)}<span class="visually-hidden">${esc(b.moveLabelFor(card.title))}</span></label>` +
    `<select id="${selectId}" name="status">${options}</select>` +
    `<button type="submit" class="button button--secondary button--small">${esc(b.move)}</button>` +
    `</form>`
  );
}
