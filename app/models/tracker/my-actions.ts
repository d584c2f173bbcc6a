/**
 * The address of "Mijn acties" (/acties/mijn): each paged table has its own page
 * parameter, so paging one keeps the others where they are, and the period stays with
 * them. My organisation's closed actions show only while their parameter is there.
 * Browser-safe: the page builds its links with it.
 */
import { readPageNumber } from '../paging';

export const MY_ACTIONS_PAGE_PARAMS = {
  own: 'pagina-mijn',
  organisation: 'pagina-organisatie',
  organisationClosed: 'pagina-afgerond',
} as const;

export type MyActionsTable = keyof typeof MY_ACTIONS_PAGE_PARAMS;

/** The page of each table; `organisationClosed` null while my organisation's closed actions are not asked for. */
export type MyActionsPages = { own: number; organisation: number; organisationClosed: number | null };

/** The pages the address asks for; `invalid` when one of them is not a page number (that table shows its first). */
export function readMyActionsPages(params: URLSearchParams): { pages: MyActionsPages; invalid: boolean } {
  const own = readPageNumber(params, MY_ACTIONS_PAGE_PARAMS.own);
  const organisation = readPageNumber(params, MY_ACTIONS_PAGE_PARAMS.organisation);
  const closed = params.has(MY_ACTIONS_PAGE_PARAMS.organisationClosed)
    ? readPageNumber(params, MY_ACTIONS_PAGE_PARAMS.organisationClosed)
    : null;
  return {
    pages: { own: own.page, organisation: organisation.page, organisationClosed: closed?.page ?? null },
    invalid: own.invalid || organisation.invalid || closed?.invalid === true,
  };
}

/**
 * This page with one table at `page` (for `organisationClosed`, null hides them again), the
 * others at `shown` and the period (`periode`, as the address named it) kept. `anchor`
 * brings the table into view.
 */
export function myActionsHref(
  shown: { periode: string | null; pages: MyActionsPages },
  table: MyActionsTable,
  page: number | null,
  anchor: string,
): string {
  const pages = { ...shown.pages, [table]: page };
  const query = new URLSearchParams();
  if (shown.periode) query.set('periode', shown.periode);
  if (pages.own !== null && pages.own > 1) query.set(MY_ACTIONS_PAGE_PARAMS.own, String(pages.own));
  if (pages.organisation !== null && pages.organisation > 1) query.set(MY_ACTIONS_PAGE_PARAMS.organisation, String(pages.organisation));
  if (pages.organisationClosed !== null) query.set(MY_ACTIONS_PAGE_PARAMS.organisationClosed, String(pages.organisationClosed));
  const text = query.toString();
  return `/acties/mijn${text ? `?${text}` : ''}#${anchor}`;
}
