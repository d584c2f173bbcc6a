import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { PageLinks } from '../components/layout/page-links';
import { PeriodSwitch } from '../components/periods/period-switch';
import { ActionFilterForm, describeFilters, filterQuery } from '../components/tracker/action-filters';
import { ActionTable, toTableRow } from '../components/tracker/action-table';
import { ListPageHead } from '../components/tracker/list-page-head';
import { t } from '../i18n';
import { shownRange } from '../models/paging';
import { canCreateAnyAction } from '../models/permissions';
import { listActions, readListFilters } from '../models/tracker/action-list.server';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { keptLoaderData } from '../utils/kept-loader-data.server';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const l = t.lists.list;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: listsCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(l.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return keptLoaderData('routes/acties._index', request, actor, () => {
    const today = todayInNL();
    const { period, periodSwitch } = requirePeriod(request);
    const { filters, fieldErrors, values, options } = readListFilters(new URL(request.url).searchParams, today, period);
    const { rows, ...list } = listActions({ filters, today, period });
    // Only what the table shows: the loader data is serialised into the page for hydration.
    const tableRows = rows.map(toTableRow);
    return {
      filters,
      fieldErrors,
      values,
      options,
      list: { ...list, rows: tableRows },
      periodSwitch,
      mayCreate: canCreateAnyAction(actor, period),
    };
  });
}

export default function ActionList() {
  const { filters, fieldErrors, values, options, list, periodSwitch, mayCreate } = useLoaderData<typeof loader>();
  const count = t.lists.count(list.total);
  const active = describeFilters(filters, options);
  const exportQuery = filterQuery(values, { pagina: null });
  const { first, last } = shownRange(list, list.rows.length);
  return (
    <div className="action-list">
      <ListPageHead title={l.title} lead={l.lead} add={mayCreate ? { to: '/acties/nieuw', label: l.newAction } : null} />
      <PeriodSwitch {...periodSwitch} />

      <ActionFilterForm
        action="/acties"
        options={options}
        values={values}
        fieldErrors={fieldErrors}
        fields={['thema', 'doel', 'organisatie', 'trekker', 'termijn', 'bereik', 'q', 'sort', 'status', 'telaat']}
      />

      <div className="list-results" aria-live="polite">
        <p className="list-count">
          <strong>{count}</strong>
          {list.pageCount > 1 ? <span className="muted"> — {l.showing(first, last, list.total)}</span> : null}
        </p>
      </div>
      <p className="list-export">
        <a href={`/acties.csv${exportQuery}`} download>
          {l.exportCsv}
        </a>{' '}
        <span className="muted">{l.exportHint}</span>
      </p>

      {list.rows.length === 0 ? (
        <p className="notice">{l.empty}</p>
      ) : (
        <ActionTable
          rows={list.rows}
          caption={l.caption(count, active)}
          sorting={{ path: '/acties', values, sort: filters.sort, direction: filters.direction }}
        />
      )}

      <PageLinks
        label={l.pagination}
        className="list-pagination"
        page={list.page}
        pageCount={list.pageCount}
        href={(page) => `/acties${filterQuery(values, { pagina: String(page) })}`}
        previous={l.previous}
        next={l.next}
        current={l.page(list.page, list.pageCount)}
      />
    </div>
  );
}
