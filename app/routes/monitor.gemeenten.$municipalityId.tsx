import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { PageLinks } from '../components/layout/page-links';
import { ExampleFiguresNotice, IndicatorChartSection } from '../components/monitor/monitor-parts';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { listMonitorMunicipalities } from '../models/monitor/figure.server';
import { readMonitorFilters } from '../models/monitor/monitor-filters.server';
import { monitorView, MUNICIPALITY_PAGE_SIZE } from '../models/monitor/monitor-view.server';
import chartsCss from '../styles/charts.css?url';
import monitorCss from '../styles/monitor.css?url';
import periodsCss from '../styles/periods.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound, requireIdParam } from '../utils/http.server';

const m = monitorText;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: monitorCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? m.municipalityTitle(data.municipality.name) : m.title) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request);
  const id = requireIdParam(params.municipalityId);
  const municipality = requireFound(listMonitorMunicipalities().find((mu) => mu.id === id));
  const search = new URL(request.url).searchParams;
  const { period, page } = requireFound(readMonitorFilters(search));
  const view = monitorView({ municipalityId: municipality.id, period, page, pageSize: MUNICIPALITY_PAGE_SIZE });
  return { municipality, view, others: listMonitorMunicipalities(), periodQuery: search.get('periode') };
}

/** A municipality against the region: every indicator, the region and this municipality side by side. */
export default function MunicipalityMonitorPage() {
  const { municipality, view, others, periodQuery } = useLoaderData<typeof loader>();
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (periodQuery) query.set('periode', periodQuery);
    if (page > 1) query.set('pagina', String(page));
    return `/monitor/gemeenten/${municipality.id}${query.size > 0 ? `?${query}` : ''}`;
  };
  return (
    <div className="monitor">
      <Breadcrumbs label={t.accents.breadcrumbsLabel} trail={[{ to: '/monitor', label: m.title }]} current={municipality.name} />
      <h1>{m.municipalityTitle(municipality.name)}</h1>
      <p className="lead">{m.municipalityIntro(municipality.name)}</p>
      {view.containsExampleFigures ? <ExampleFiguresNotice /> : null}
      <nav aria-label={m.municipalitiesHeading}>
        <ul className="monitor-inline-list">
          {others.map((mu) => (
            <li key={mu.id}>
              <Link to={`/monitor/gemeenten/${mu.id}`} aria-current={mu.id === municipality.id ? 'page' : undefined}>
                {mu.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view.indicators.length === 0 ? <p>{m.noIndicators}</p> : null}
      {view.indicators.map((indicator) => (
        <IndicatorChartSection key={indicator.code} view={indicator} idPrefix={`gemeente-${municipality.id}`} />
      ))}
      <PageLinks
        label={m.pagination}
        className="list-pagination"
        page={view.page}
        pageCount={view.pageCount}
        href={pageHref}
        previous={m.previousPage}
        next={m.nextPage}
        current={m.pageOf(view.page, view.pageCount, view.indicatorCount)}
      />
    </div>
  );
}
