import { describe, expect, it } from 'vitest';

import type { ActionStatus } from '../../models/tracker/action-status';
import { type BoardColumn, hiddenCards, shownColumns } from './board-columns';

type Card = { id: number; status: ActionStatus };
const card = (id: number, status: ActionStatus): Card => ({ id, status });
const column = (status: ActionStatus, total: number, ids: number[]): BoardColumn<Card> => ({
  status,
  total,
  actions: ids.map((id) => card(id, status)),
});
const ids = (columns: BoardColumn<Card>[]) => Object.fromEntries(columns.map((c) => [c.status, c.actions.map((a) => a.id)]));

// "loopt" shows 2 of its 5 cards; "niet_gestart" shows all of its 2.
const loaded = () => [column('niet_gestart', 2, [1, 2]), column('loopt', 5, [10, 11])];

describe('shownColumns', () => {
  it('shows the loaded board as it is', () => {
    expect(ids(shownColumns(loaded(), null, null))).toEqual({ niet_gestart: [1, 2], loopt: [10, 11] });
  });

  it('shows a move on its way in the new column, at the top', () => {
    expect(ids(shownColumns(loaded(), { id: 2, status: 'loopt' }, null))).toEqual({ niet_gestart: [1], loopt: [2, 10, 11] });
  });

  it('keeps the card just moved in view at the top of a cut-off column that left it out', () => {
    const board = [column('niet_gestart', 1, [1]), column('loopt', 6, [10, 11])];
    const shown = shownColumns(board, null, card(2, 'loopt'));
    expect(ids(shown)).toEqual({ niet_gestart: [1], loopt: [2, 10, 11] });
    expect(hiddenCards(shown[1]!)).toBe(3);
  });

  it('uses the loaded card where the board has it, and does not add one to a column that shows everything', () => {
    expect(ids(shownColumns(loaded(), null, card(11, 'loopt')))).toEqual({ niet_gestart: [1, 2], loopt: [10, 11] });
    // Moved to a column that is not cut off, yet not on the board: it no longer matches the filters.
    expect(ids(shownColumns(loaded(), null, card(3, 'niet_gestart')))).toEqual({ niet_gestart: [1, 2], loopt: [10, 11] });
  });

  it('moves the kept card again while a second move is on its way', () => {
    const board = [column('niet_gestart', 1, [1]), column('loopt', 6, [10, 11])];
    expect(ids(shownColumns(board, { id: 2, status: 'niet_gestart' }, card(2, 'loopt')))).toEqual({
      niet_gestart: [2, 1],
      loopt: [10, 11],
    });
  });
});
