import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { AuditFilterForm, AuditTable } from '../components/admin/audit-log';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { PageLinks } from '../components/layout/page-links';
import { t } from '../i18n';
import { readAuditFilters } from '../models/audit/audit-filters.server';
import { auditPeople, listAuditEntries } from '../models/audit/audit-log.server';
import { canReadAuditLog } from '../models/permissions';
import { auditFilterQuery } from '../schemas/audit-filters';
import adminCss from '../styles/admin.css?url';
import listsCss from '../styles/lists.css?url';
import { requireActor } from '../utils/auth.server';
import { env } from '../utils/env.server';
import { requireAllowed } from '../utils/http.server';

const a = t.audit;

/** Never kept by the page cache or the browser: the log must show what just happened (and is nobody else's business). */
const NO_STORE = { 'Cache-Control': 'private, no-store' };

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: adminCss },
  { rel: 'stylesheet', href: listsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(a.title, t.common.nav.admin) }];
export const headers: HeadersFunction = () => NO_STORE;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canReadAuditLog(actor));
  const { values, fieldErrors, filters, page } = readAuditFilters(new URL(request.url).searchParams);
  const list = filters ? listAuditEntries(filters, page) : null;
  return data(
    { values, fieldErrors, list, people: auditPeople(), retentionDays: env.KOERS_AUDIT_RETENTION_DAYS },
    { status: filters ? 200 : 400, headers: NO_STORE },
  );
}

export default function AuditLogPage() {
  const { values, fieldErrors, list, people, retentionDays } = useLoaderData<typeof loader>();
  const query = auditFilterQuery(values);
  return (
    <>
      <Breadcrumbs label={t.admin.breadcrumbsLabel} trail={[{ to: '/beheer', label: t.admin.home.title }]} current={a.title} />
      <h1>{a.title}</h1>
      <p className="lead">{a.intro}</p>
      <p>{a.retention(retentionDays)}</p>
      <AuditFilterForm values={values} fieldErrors={fieldErrors} people={people} />
      {list ? (
        <>
          <p role="status">
            {a.count(list.total)}
            {list.total > 0 ? (
              <>
                {' · '}
                <a href={`/beheer/auditlog.csv${query}`} download>
                  {a.csvLink}
                </a>
              </>
            ) : null}
          </p>
          {list.rows.length > 0 ? <AuditTable rows={list.rows} /> : <p>{a.table.empty}</p>}
          <PageLinks
            label={a.pager.label}
            className="list-pagination"
            page={list.page}
            pageCount={list.pageCount}
            href={(page) => `/beheer/auditlog${auditFilterQuery(values, page > 1 ? { pagina: String(page) } : {})}`}
            previous={a.pager.previous}
            next={a.pager.next}
            current={a.pager.page(list.page, list.pageCount)}
          />
        </>
      ) : (
        <p className="form-error" role="alert">
          {a.filters.fixFirst}
        </p>
      )}
      <p>
        <Link to="/beheer">{t.admin.home.title}</Link>
      </p>
    </>
  );
}
