import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { PageLinks } from '../components/layout/page-links';
import { PeriodSwitch } from '../components/periods/period-switch';
import { filterQuery } from '../components/tracker/action-filters';
import { ActionTable, type ActionTableRow, toTableRow } from '../components/tracker/action-table';
import { t } from '../i18n';
import { type PageWindow, shownRange } from '../models/paging';
import { listMyActions } from '../models/tracker/action-list.server';
import { CLOSED_ACTION_STATUSES } from '../models/tracker/action-status';
import { myActionsHref, type MyActionsTable, readMyActionsPages } from '../models/tracker/my-actions';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireUser } from '../utils/auth.server';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const m = t.lists.mine;
const l = t.lists.list;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: listsCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(m.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { period, periodSwitch } = requirePeriod(request);
  const params = new URL(request.url).searchParams;
  const { pages, invalid } = readMyActionsPages(params);
  const mine = listMyActions({ userId: user.id, organisationId: user.organisationId, today: todayInNL(), period, pages });
  // Only what the tables show: the loader data is serialised into the page for hydration.
  const shown = <T extends { rows: ActionTableRow[] }>(table: T) => ({ ...table, rows: table.rows.map(toTableRow) });
  // The period as the address names it: the page links keep it, and so does the link to the list.
  const periodQuery = params.get('periode') ? periodSwitch.shown.slug : null;
  return {
    organisationName: user.organisationName,
    periodSwitch,
    periodQuery,
    pageInvalid: invalid,
    own: { open: shown(mine.own.open), closedTotal: mine.own.closedTotal },
    organisation: {
      open: shown(mine.organisation.open),
      closed: { total: mine.organisation.closed.total, shown: mine.organisation.closed.shown && shown(mine.organisation.closed.shown) },
    },
    // My closed actions are in the list, filtered to them.
    ownClosedInList: `/acties${filterQuery({ trekker: String(user.id), status: [...CLOSED_ACTION_STATUSES], periode: periodQuery ?? undefined })}`,
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function MyActions() {
  const data = useLoaderData<typeof loader>();
  const { organisationName, own, organisation, periodSwitch, pageInvalid } = data;
  const orgHeading = m.orgHeading(organisationName);
  const href = (table: MyActionsTable, page: number | null, anchor: string) => pageHref(data, table, page, anchor);
  return (
    <div className="my-actions">
      <h1>{m.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{m.lead(organisationName)}</p>
      {pageInvalid ? <p className="notice">{t.lists.filters.errors.page}</p> : null}

      <section aria-labelledby="mijn-heading" className="my-actions__section">
        <h2 id="mijn-heading">{m.ownHeading}</h2>
        {own.open.total === 0 && own.closedTotal === 0 ? <p className="muted">{m.ownEmpty}</p> : null}
        <OpenActions
          heading={m.ownHeading}
          table={own.open}
          closedTotal={own.closedTotal}
          href={(page) => href('own', page, 'mijn-heading')}
        />
        {own.closedTotal > 0 ? (
          <p className="my-actions__closed">
            <Link to={data.ownClosedInList}>{m.ownClosedInList(own.closedTotal)}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="organisatie-heading" className="my-actions__section">
        <h2 id="organisatie-heading">{orgHeading}</h2>
        {organisation.open.total === 0 && organisation.closed.total === 0 ? <p className="muted">{m.orgEmpty(organisationName)}</p> : null}
        <OpenActions
          heading={orgHeading}
          table={organisation.open}
          closedTotal={organisation.closed.total}
          href={(page) => href('organisation', page, 'organisatie-heading')}
        />
        {organisation.closed.total > 0 ? (
          <div className="my-actions__closed" id="afgerond">
            {organisation.closed.shown ? (
              <>
                <h3>{m.closedHeading(organisation.closed.total)}</h3>
                <PagedTable
                  caption={m.closedCaption(orgHeading)}
                  table={organisation.closed.shown}
                  label={m.pagination(m.closedCaption(orgHeading))}
                  href={(page) => href('organisationClosed', page, 'afgerond')}
                />
                <p>
                  <Link to={href('organisationClosed', null, 'organisatie-heading')}>{m.hideClosed}</Link>
                </p>
              </>
            ) : (
              <p>
                <Link to={href('organisationClosed', 1, 'afgerond')}>{m.showClosed(organisation.closed.total, organisationName)}</Link>
              </p>
            )}
          </div>
        ) : null}
      </section>
    </div>
  );
}

/** A section's open actions, a page at a time; "no open actions" when only closed ones are left. */
function OpenActions({
  heading,
  table,
  closedTotal,
  href,
}: {
  heading: string;
  table: Data['own']['open'];
  closedTotal: number;
  href: (page: number) => string;
}) {
  if (table.total === 0) return closedTotal > 0 ? <p className="muted">{m.noOpen}</p> : null;
  return (
    <PagedTable caption={m.openCaption(heading, t.lists.count(table.total))} table={table} label={m.pagination(heading)} href={href} />
  );
}

/** A table of actions with, when they take more than one page, which are shown and the links to the others. */
function PagedTable({
  caption,
  table,
  label,
  href,
}: {
  caption: string;
  table: PageWindow & { rows: ActionTableRow[] };
  label: string;
  href: (page: number) => string;
}) {
  const { first, last } = shownRange(table, table.rows.length);
  return (
    <>
      {table.pageCount > 1 ? <p className="list-count muted">{l.showing(first, last, table.total)}</p> : null}
      <ActionTable rows={table.rows} caption={caption} />
      <PageLinks
        label={label}
        className="list-pagination"
        page={table.page}
        pageCount={table.pageCount}
        href={href}
        previous={l.previous}
        next={l.next}
        current={l.page(table.page, table.pageCount)}
      />
    </>
  );
}

/** This page with one table at another page, the others where they are shown now. */
function pageHref(data: Data, table: MyActionsTable, page: number | null, anchor: string): string {
  const pages = {
    own: data.own.open.page,
    organisation: data.organisation.open.page,
    organisationClosed: data.organisation.closed.shown?.page ?? null,
  };
  return myActionsHref({ periode: data.periodQuery, pages }, table, page, anchor);
}
