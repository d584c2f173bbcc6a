import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { reports as reportsText } from '../i18n/nl/reports';
import { canManageYearReports } from '../models/permissions';
import { createYearReport, listYearReports } from '../models/reports/year-report.server';
import { CreateYearReportSchema } from '../schemas/year-report';
import reportsCss from '../styles/reports.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDay } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed } from '../utils/http.server';

const r = reportsText;
const l = r.list;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: reportsCss }];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(l.title) }];

/** /jaarrapportages: every yearly report; the working group drafts the next one here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const reports = listYearReports();
  const thisYear = new Date().getUTCFullYear();
  return {
    reports,
    // The year to propose: this year while it has no report.
    proposedYear: reports.some((report) => report.year === thisYear) ? null : thisYear,
    mayCreate: canManageYearReports(actor),
  };
}

/** "Jaarrapportage <jaar> opstellen": who runs the agenda; a bad or taken year gets its message, nothing is made. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageYearReports(actor));
  const form = parseForm(CreateYearReportSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const result = createYearReport(actor, { year: form.data.year, today: new Date().toISOString().slice(0, 10) });
  if (!result.ok)
    return data({ fieldErrors: { year: result.message } as FieldErrors, values: { year: String(form.data.year) } }, { status: 400 });
  return redirect(`/jaarrapportages/${form.data.year}?gemaakt=1`);
}

export default function YearReportsPage() {
  const { reports, proposedYear, mayCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="report-page">
      <h1>{l.title}</h1>
      <p className="lead">{l.lead}</p>
      {reports.length === 0 ? (
        <p>{l.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.year}</th>
                <th scope="col">{l.status}</th>
                <th scope="col">{l.latest}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <th scope="row">
                    <Link to={`/jaarrapportages/${report.year}`}>{r.page.title(report.year)}</Link>
                    {report.isExample ? <span className="report-badge">{r.example}</span> : null}
                  </th>
                  <td>{r.statuses[report.status]}</td>
                  <td>
                    {report.latestVersion && report.latestAdoptedAt
                      ? l.versionLine(report.latestVersion, formatDay(report.latestAdoptedAt))
                      : l.noVersion}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayCreate ? (
        <section aria-labelledby="new-report-heading" className="card">
          <h2 id="new-report-heading">{l.createHeading}</h2>
          {proposedYear !== null ? (
            <Form method="post" className="button-row">
              <input type="hidden" name="year" value={proposedYear} />
              <button type="submit" className="button" disabled={submitting}>
                {l.create(proposedYear)}
              </button>
            </Form>
          ) : null}
          <FormErrorSummary show={Object.keys(errors).length > 0} message={errors._form ?? t.common.errors.formHasErrors} />
          <Form method="post" className="form report-actions" noValidate>
            <Field label={l.createLabel} name="year" error={errors.year}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="numeric"
                  size={6}
                  maxLength={4}
                  defaultValue={actionData?.values?.year ?? ''}
                  required
                />
              )}
            </Field>
            <div className="button-row">
              <button type="submit" className="button button--secondary" disabled={submitting}>
                {l.createOther}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
