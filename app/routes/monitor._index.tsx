import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';

import { PageLinks } from '../components/layout/page-links';
import { ExampleFiguresNotice, IndicatorChartSection } from '../components/monitor/monitor-parts';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { listMonitorMunicipalities } from '../models/monitor/figure.server';
import { listIndicators } from '../models/monitor/indicator.server';
import { readMonitorFilters } from '../models/monitor/monitor-filters.server';
import { INDICATOR_LEVELS, MONITOR_KINDS } from '../models/monitor/monitor-rules';
import { monitorView } from '../models/monitor/monitor-view.server';
import { listPeriods } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canEnterSomeFigures, canManageMonitor } from '../models/permissions';
import chartsCss from '../styles/charts.css?url';
import listsCss from '../styles/lists.css?url';
import monitorCss from '../styles/monitor.css?url';
import periodsCss from '../styles/periods.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound } from '../utils/http.server';

const m = monitorText;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: listsCss },
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: monitorCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(m.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const search = new URL(request.url).searchParams;
  const filters = requireFound(readMonitorFilters(search));
  const view = monitorView({
    level: filters.level,
    monitor: filters.monitor,
    code: filters.code,
    municipalityId: filters.municipalityId,
    period: filters.period,
    page: filters.page,
  });
  return {
    filters: { ...filters, period: filters.period.slug },
    view,
    query: search.toString(),
    options: {
      indicators: listIndicators().map((i) => ({ code: i.code, name: i.name })),
      municipalities: listMonitorMunicipalities(),
      periods: listPeriods().map((p) => ({ slug: p.slug, label: periodLabel(p) })),
    },
    mayEnter: canEnterSomeFigures(actor),
    mayManage: canManageMonitor(actor),
  };
}

/** The address's query with another page (or none: an export covers every page). */
function withPage(query: string, page: number | null): string {
  const params = new URLSearchParams(query);
  params.delete('pagina');
  if (page !== null && page > 1) params.set('pagina', String(page));
  return params.toString();
}

export default function MonitorPage() {
  const { filters, view, options, query, mayEnter } = useLoaderData<typeof loader>();
  const exportQuery = query ? `?${withPage(query, null)}` : '';
  const [params] = useSearchParams();
  const imported = /^(\d+)-(\d+)$/.exec(params.get('geimporteerd') ?? '');
  return (
    <div className="monitor">
      <h1>{m.title}</h1>
      {imported ? (
        <div className="notice notice--success" role="status">
          {m.imported(Number(imported[1]), Number(imported[2]))}
        </div>
      ) : null}
      <p className="lead">{m.intro}</p>
      {view.containsExampleFigures ? <ExampleFiguresNotice /> : null}
      <nav aria-label={m.title} className="monitor-links">
        <ul>
          <li>
            <Link to="/monitor/indicatoren">{m.indicatorsHeading}</Link>
          </li>
          {mayEnter ? (
            <li>
              <Link to="/monitor/import">{m.importLink}</Link>
            </li>
          ) : null}
          <li>
            <a href={`/monitor.csv${exportQuery}`} download>
              {m.exportCsv}
            </a>
          </li>
          <li>
            <a href={`/monitor.xlsx${exportQuery}`} download>
              {m.exportXlsx}
            </a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="monitor-gemeenten">
        <h2 id="monitor-gemeenten" className="monitor-small-heading">
          {m.municipalitiesHeading}
        </h2>
        <ul className="monitor-inline-list">
          {options.municipalities.map((mu) => (
            <li key={mu.id}>
              <Link to={`/monitor/gemeenten/${mu.id}`}>{mu.name}</Link>
            </li>
          ))}
        </ul>
      </section>

      <Form method="get" className="list-filters" aria-labelledby="monitor-filters-heading">
        <h2 id="monitor-filters-heading" className="list-filters__heading">
          {m.filtersHeading}
        </h2>
        <div className="list-filters__grid">
          <div className="field">
            <label htmlFor="filter-niveau">{m.filterLevel}</label>
            <select id="filter-niveau" name="niveau" defaultValue={filters.level ?? ''}>
              <option value="">{m.allLevels}</option>
              {INDICATOR_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {m.levels[level]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-monitor">{m.filterMonitor}</label>
            <select id="filter-monitor" name="monitor" defaultValue={filters.monitor ?? ''}>
              <option value="">{m.allMonitors}</option>
              {MONITOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {m.monitors[kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-indicator">{m.filterIndicator}</label>
            <select id="filter-indicator" name="indicator" defaultValue={filters.code ?? ''}>
              <option value="">{m.allIndicators}</option>
              {options.indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {i.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-gemeente">{m.filterMunicipality}</label>
            <select id="filter-gemeente" name="gemeente" defaultValue={filters.municipalityId ?? ''}>
              <option value="">{m.allMunicipalities}</option>
              {options.municipalities.map((mu) => (
                <option key={mu.id} value={mu.id}>
                  {mu.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-periode">{m.filterPeriod}</label>
            <select id="filter-periode" name="periode" defaultValue={filters.period}>
              {options.periods.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {m.applyFilters}
          </button>
        </div>
      </Form>

      {view.indicators.length === 0 ? <p>{m.noIndicators}</p> : null}
      {view.indicators.map((indicator) => (
        <IndicatorChartSection key={indicator.code} view={indicator} />
      ))}
      <PageLinks
        label={m.pagination}
        className="list-pagination"
        page={view.page}
        pageCount={view.pageCount}
        href={(page) => `/monitor?${withPage(query, page)}`}
        previous={m.previousPage}
        next={m.nextPage}
        current={m.pageOf(view.page, view.pageCount, view.indicatorCount)}
      />
    </div>
  );
}
