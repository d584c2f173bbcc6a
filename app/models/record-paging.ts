/**
 * How much of an item's record its page shows at first — the action page and the goal
 * page: the newest discussion threads and history entries, the rest behind a link. The
 * heaviest action's 110 threads were two thirds of its page, and a goal's 39 threads and
 * 50 history entries were four fifths of its page (docs/scaling.md).
 */

/**
 * Threads shown: the newest ten, all of them behind `?reacties=alle`. Twenty were still
 * a third of the heaviest goal page's render (decision 036); on the real agenda no item
 * has more than a few.
 */
export const NEWEST_THREADS_SHOWN = 10;

/**
 * History entries loaded: the newest 10 (five in view, five behind a disclosure), or up to
 * 200 behind "Nog oudere wijzigingen tonen" (`?geschiedenis=meer`).
 */
export const HISTORY_SHOWN = { newest: 10, more: 200 } as const;

export type RecordPaging = { allThreads: boolean; historyLimit: number };

/** What the page's address asks for: all threads, and the longer history. */
export function readRecordPaging(searchParams: URLSearchParams): RecordPaging {
  return {
    allThreads: searchParams.get('reacties') === 'alle',
    historyLimit: searchParams.get('geschiedenis') === 'meer' ? HISTORY_SHOWN.more : HISTORY_SHOWN.newest,
  };
}

/**
 * The newest `limit` of a list (all with `limit` null) and how many older ones are left
 * out. Progress reports come newest first, discussion threads oldest first.
 */
export function newest<T>(items: T[], limit: number | null, order: 'newest first' | 'oldest first') {
  if (limit === null || items.length <= limit) return { shown: items, older: 0 };
  return { shown: order === 'newest first' ? items.slice(0, limit) : items.slice(-limit), older: items.length - limit };
}

/** How many of the newest threads the page shows: null for all of them. */
export function threadLimit(paging: RecordPaging): number | null {
  return paging.allThreads ? null : NEWEST_THREADS_SHOWN;
}

/**
 * The history entries the page shows, newest first, and whether "Nog oudere wijzigingen
 * tonen" has more to show. `load` reads the newest `limit` entries; one more than shown
 * says whether there is an older one.
 */
export function shownHistory<T>(load: (limit: number) => T[], paging: RecordPaging) {
  const rows = load(paging.historyLimit + 1);
  return {
    entries: rows.slice(0, paging.historyLimit),
    more: rows.length > paging.historyLimit && paging.historyLimit < HISTORY_SHOWN.more,
  };
}

/** Where the page's links to the rest of its record go (`path`: the page's own path). */
export const recordLinks = (path: string) => ({
  olderThreads: `${path}?reacties=alle#reacties`,
  moreHistory: `${path}?geschiedenis=meer#geschiedenis`,
});
