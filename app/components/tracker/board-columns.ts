import type { ActionStatus } from '../../models/tracker/action-status';

type Card = { id: number; status: ActionStatus };
export type BoardColumn<C extends Card> = { status: ActionStatus; total: number; actions: C[] };

/** How many cards of a column the board leaves out: the list shows them. */
export const hiddenCards = (column: BoardColumn<Card>) => Math.max(0, column.total - column.actions.length);

/**
 * The columns the board shows: the loaded ones, with two moves of the user's own in view.
 *
 * - The card just moved (`moved`, as the move's reply describes it) stays in view in its
 *   new column, at the top, where that column is cut off (BOARD_COLUMN_LIMIT) and the
 *   loaded board left it out: the user put it there and the focus follows it. While the
 *   loaded board has it anywhere, the loaded card counts; a column that is not cut off
 *   shows what it holds (a card that no longer matches the filters leaves the board).
 * - A move on its way (`pending`) shows the card in its new column already, at the top.
 *
 * Both with and without JavaScript: the reply is the fetcher's or the document's action data.
 */
export function shownColumns<C extends Card>(
  columns: BoardColumn<C>[],
  pending: { id: number; status: ActionStatus } | null,
  moved: C | null,
): BoardColumn<C>[] {
  const shown = columns.map((column) => ({ ...column, actions: [...column.actions] }));
  if (moved && !shown.some((column) => column.actions.some((card) => card.id === moved.id))) {
    const column = shown.find((c) => c.status === moved.status);
    if (column && hiddenCards(column) > 0) column.actions.unshift(moved);
  }
  if (pending) {
    const from = shown.find((column) => column.actions.some((card) => card.id === pending.id));
    const to = shown.find((column) => column.status === pending.status);
    if (from && to) {
      const card = from.actions.find((c) => c.id === pending.id)!;
      from.actions = from.actions.filter((c) => c.id !== pending.id);
      to.actions.unshift(card);
    }
  }
  return shown;
}
