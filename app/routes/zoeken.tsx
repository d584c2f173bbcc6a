import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { Field, FieldGroup } from '../components/forms/field';
import { PageLinks } from '../components/layout/page-links';
import { MarkedText } from '../components/layout/search-field';
import { t } from '../i18n';
import { searchWorkspace } from '../models/search/search.server';
import { visibleKinds } from '../models/search/search-visibility';
import { TEXT_LIMITS } from '../schemas/limits';
import { readSearchParams, SEARCH_PAGE_SIZE } from '../schemas/search';
import searchCss from '../styles/search.css?url';
import { requireActor } from '../utils/auth.server';

const s = t.search;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: searchCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? t.common.pageTitle(`${s.title}: ${data.params.q}`) : t.common.pageTitle(s.title) },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { params, fieldErrors, values } = readSearchParams(new URL(request.url).searchParams);
  const result =
    params.q === ''
      ? null
      : searchWorkspace({
          actor,
          query: params.q,
          kinds: params.soort,
          limit: SEARCH_PAGE_SIZE,
          offset: (params.pagina - 1) * SEARCH_PAGE_SIZE,
        });
  return { params, fieldErrors, values, kinds: visibleKinds(actor), result };
}

/** The query string of another page of the same search. */
function pageQuery(q: string, kinds: string[], page: number): string {
  const query = new URLSearchParams({ q });
  for (const kind of kinds) query.append('soort', kind);
  if (page > 1) query.set('pagina', String(page));
  return `?${query.toString()}`;
}

export default function SearchPage() {
  const { params, fieldErrors, values, kinds, result } = useLoaderData<typeof loader>();
  const page = params.pagina;
  const pageCount = result ? Math.ceil(result.total / SEARCH_PAGE_SIZE) : 0;
  const first = (page - 1) * SEARCH_PAGE_SIZE + 1;
  const last = result ? first + result.hits.length - 1 : 0;

  return (
    <div className="search-page">
      <h1>{s.heading}</h1>
      <p className="lead">{s.lead}</p>

      <Form method="get" action="/zoeken" className="form search-form" role="search" aria-label={s.title}>
        <Field label={s.queryLabel} name="q" error={fieldErrors.q} hint={s.queryHint}>
          {(p) => <input {...p} type="search" defaultValue={values.q} key={values.q} maxLength={TEXT_LIMITS.search} autoComplete="off" />}
        </Field>
        <FieldGroup legend={s.kindsLegend} hint={s.kindsHint} error={fieldErrors.soort} className="search-kinds">
          <ul>
            {kinds.map((kind) => (
              <li key={kind}>
                <label>
                  <input
                    type="checkbox"
                    name="soort"
                    value={kind}
                    defaultChecked={params.soort.includes(kind)}
                    key={`${kind}-${params.soort.includes(kind)}`}
                  />{' '}
                  {s.kindsPlural[kind]}
                  {result ? <span className="muted"> ({result.countsByKind[kind]})</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </FieldGroup>
        <div className="button-row">
          <button type="submit" className="button">
            {s.submit}
          </button>
        </div>
      </Form>

      {fieldErrors.pagina ? <p className="notice">{fieldErrors.pagina}</p> : null}

      <div className="search-results" aria-live="polite">
        {result === null ? (
          fieldErrors.q ? null : (
            <p className="notice">{s.empty}</p>
          )
        ) : result.expression === null ? (
          <p className="notice">{s.noWords}</p>
        ) : result.total === 0 ? (
          <p className="notice">{s.noResults(params.q)}</p>
        ) : (
          <p className="search-count">
            <strong>{s.count(result.total, params.q)}</strong>
            {pageCount > 1 && result.hits.length > 0 ? <span className="muted"> — {s.showing(first, last)}</span> : null}
          </p>
        )}
      </div>

      {result && result.hits.length > 0 ? (
        <ol className="search-hits" aria-label={s.resultsLabel} start={first}>
          {result.hits.map((hit) => (
            <li key={`${hit.kind}-${hit.id}`} className="search-hit">
              <p className="search-hit__kind">
                <span className={`search-kind search-kind--${hit.kind}`}>{s.kinds[hit.kind]}</span>
                {hit.period ? (
                  <span className="search-hit__period"> {s.inPeriod(hit.period.label, t.periods.statusShort[hit.period.status])}</span>
                ) : null}
              </p>
              <h2 className="search-hit__title">
                <Link to={hit.href}>
                  <MarkedText value={hit.title} />
                </Link>
              </h2>
              {hit.context ? <p className="search-hit__context muted">{hit.context}</p> : null}
              {hit.snippet ? (
                <p className="search-hit__snippet">
                  <MarkedText value={hit.snippet} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}

      <PageLinks
        label={s.pagination}
        className="search-pages"
        page={page}
        pageCount={pageCount}
        href={(target) => pageQuery(params.q, params.soort, target)}
        previous={s.previous}
        next={s.next}
      />
    </div>
  );
}
