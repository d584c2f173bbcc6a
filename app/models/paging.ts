/**
 * Page numbers of the paged lists that have more than one list on a page or no filter
 * schema of their own ("Mijn acties", "Wat is er veranderd"): how a page number is read
 * from the address and which rows a page holds. The action list reads its `pagina` with
 * its filters (app/schemas/action-filters.ts), by the same rule.
 */

/** A page number as an address may hold it: a whole number from 1, at most six digits (as /acties). */
const PAGE_NUMBER = /^[1-9]\d{0,5}$/;

/**
 * The page a query parameter asks for. Absent or empty is the first page; anything else
 * that is not a page number is the first page too, with `invalid` set so the page can
 * say so (never a 500).
 */
export function readPageNumber(params: URLSearchParams, name: string): { page: number; invalid: boolean } {
  const value = params.get(name)?.trim() ?? '';
  if (value === '') return { page: 1, invalid: false };
  return PAGE_NUMBER.test(value) ? { page: Number(value), invalid: false } : { page: 1, invalid: true };
}

export type PageWindow = {
  /** The page shown: the one asked for, or the last one when it asked for more than there are. */
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** Rows to skip before the page's first one. */
  offset: number;
};

/** Which rows of `total` the requested page shows, at `pageSize` rows a page. */
export function pageWindow(total: number, pageSize: number, requested: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, requested), pageCount);
  return { page, pageCount, pageSize, total, offset: (page - 1) * pageSize };
}

/** The numbers (from 1) of the first and last row a page shows, for "1 tot en met 50 van 509". */
export function shownRange(window: Pick<PageWindow, 'offset'>, shown: number): { first: number; last: number } {
  return { first: window.offset + 1, last: window.offset + shown };
}
