import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { Field } from '../components/forms/field';
import { PageLinks } from '../components/layout/page-links';
import { LibraryKindBadge, LibraryTags } from '../components/library/library-bits';
import { ListPageHead } from '../components/tracker/list-page-head';
import { t } from '../i18n';
import { getLibraryFormOptions, listLibraryItems } from '../models/library/library.server';
import { LIBRARY_KINDS, LIBRARY_PAGE_SIZE, libraryFilterQuery, readLibraryFilters, TARGET_GROUPS } from '../models/library/library-rules';
import { canAddLibraryItems } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import libraryCss from '../styles/library.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDay } from '../utils/date-time';

const l = t.library;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: libraryCss }];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(l.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const filters = readLibraryFilters(new URL(request.url).searchParams);
  const { items, total } = listLibraryItems({ filters });
  const { themes, municipalities } = getLibraryFormOptions();
  return { filters, items, total, themes, municipalities, mayAdd: canAddLibraryItems(actor) };
}

export default function LibraryPage() {
  const { filters, items, total, themes, municipalities, mayAdd } = useLoaderData<typeof loader>();
  const pageCount = Math.ceil(total / LIBRARY_PAGE_SIZE);
  const filtered = libraryFilterQuery(filters) !== '';
  return (
    <div className="library-page">
      <ListPageHead title={l.title} lead={l.lead} add={mayAdd ? { to: '/kennisbank/nieuw', label: l.newItem } : null} />

      <Form method="get" className="library-filters" role="search" aria-label={l.filters.legend}>
        <Field label={l.filters.text} name="q" hint={l.filters.textHint}>
          {(p) => <input {...p} type="search" defaultValue={filters.q} key={filters.q} maxLength={TEXT_LIMITS.search} autoComplete="off" />}
        </Field>
        <div className="library-filters__selects">
          <Field label={l.filters.kind} name="soort">
            {(p) => (
              <select {...p} defaultValue={filters.kind ?? ''} key={filters.kind}>
                <option value="">{l.filters.all}</option>
                {LIBRARY_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {l.kindsPlural[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={l.filters.theme} name="thema">
            {(p) => (
              <select {...p} defaultValue={filters.themeId ?? ''} key={filters.themeId}>
                <option value="">{l.filters.all}</option>
                {themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.code} {theme.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={l.filters.targetGroup} name="doelgroep">
            {(p) => (
              <select {...p} defaultValue={filters.targetGroup ?? ''} key={filters.targetGroup}>
                <option value="">{l.filters.all}</option>
                {TARGET_GROUPS.map((group) => (
                  <option key={group} value={group}>
                    {l.targetGroups[group]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={l.filters.municipality} name="gemeente">
            {(p) => (
              <select {...p} defaultValue={filters.municipalityId ?? ''} key={filters.municipalityId}>
                <option value="">{l.filters.all}</option>
                {municipalities.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {l.filters.apply}
          </button>
          {filtered ? (
            <Link to="/kennisbank" className="button button--secondary">
              {l.filters.reset}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="library-count" aria-live="polite">
        <strong>{l.count(total)}</strong>
      </p>
      {items.length === 0 ? (
        <p className="notice">{l.none}</p>
      ) : (
        <ul className="library-items" aria-label={l.listLabel}>
          {items.map((item) => (
            <li key={item.id} className="library-item">
              <p className="library-item__kind">
                <LibraryKindBadge kind={item.kind} />
              </p>
              <h2 className="library-item__title">
                <Link to={`/kennisbank/${item.id}`}>{item.title}</Link>
              </h2>
              {item.summary ? <p className="library-item__summary">{item.summary}</p> : null}
              <LibraryTags item={item} />
              <p className="library-item__meta muted">{l.addedBy(item.createdByName, formatDay(item.createdAt))}</p>
            </li>
          ))}
        </ul>
      )}

      <PageLinks
        label={l.pagination}
        className="library-pages"
        page={filters.page}
        pageCount={pageCount}
        href={(page) => libraryFilterQuery(filters, page) || '?'}
        previous={l.previous}
        next={l.next}
      />
    </div>
  );
}
