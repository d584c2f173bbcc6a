import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { reports as reportsText } from '../i18n/nl/reports';
import { canManageYearReports } from '../models/permissions';
import { adoptYearReport, listYearReportVersions } from '../models/reports/year-report.server';
import reportsCss from '../styles/reports.css?url';
import { requireActor } from '../utils/auth.server';
import { requireAllowed } from '../utils/http.server';
import { requireYearReport } from '../utils/year-report-guard.server';

const r = reportsText;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? r.adopt.title(data.year) : t.common.errors.notFoundTitle) },
];

async function loadAdoptable(request: Request, year: string | undefined) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageYearReports(actor));
  return { actor, report: requireYearReport(year) };
}

/** "Vaststellen" asks first: what adopting freezes, and as which version. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await loadAdoptable(request, params.year);
  return { year: report.year, adoptable: report.status === 'concept', nextVersion: listYearReportVersions(report.id).length + 1 };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, report } = await loadAdoptable(request, params.year);
  const result = adoptYearReport(actor, { reportId: report.id, today: new Date().toISOString().slice(0, 10) });
  if (!result.ok) return data({ message: result.message }, { status: 400 });
  return redirect(`/jaarrapportages/${report.year}?versie=${result.version}&vastgesteld=${result.version}`);
}

export default function AdoptYearReportPage() {
  const { year, adoptable, nextVersion } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="report-page">
      <p>
        <Link to={`/jaarrapportages/${year}`}>{r.page.title(year)}</Link>
      </p>
      <h1>{r.adopt.title(year)}</h1>
      <FormErrorSummary show={actionData !== undefined} message={actionData?.message ?? ''} />
      {adoptable ? (
        <>
          <p className="lead">{r.adopt.lead(year, nextVersion)}</p>
          <Form method="post" className="button-row">
            <button type="submit" className="button" disabled={submitting}>
              {r.adopt.confirm}
            </button>
            <Link className="button button--secondary" to={`/jaarrapportages/${year}`}>
              {r.adopt.cancel}
            </Link>
          </Form>
        </>
      ) : (
        <p>{r.errors.notConcept}</p>
      )}
    </div>
  );
}
