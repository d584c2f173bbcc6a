import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { createConcept, listPeriods } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canManagePeriods } from '../models/permissions';
import { ConceptFormSchema, PERIOD_TITLE_MAX_LENGTH } from '../schemas/period';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDay } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed } from '../utils/http.server';

const p = t.periods;
const l = p.list;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: periodsCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(l.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const periods = listPeriods();
  const current = periods.find((period) => period.status === 'vastgesteld');
  const concept = periods.find((period) => period.status === 'concept');
  return {
    periods: periods.map((period) => ({
      slug: period.slug,
      title: period.title,
      status: period.status,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      adoptedAt: period.adoptedAt,
      closedAt: period.closedAt,
      isExample: period.isExample,
    })),
    concept: concept ? { slug: concept.slug, label: periodLabel(concept) } : null,
    // The next four years after the current agenda, as a suggestion.
    suggestion: current
      ? { title: current.title, periodStart: current.periodEnd + 1, periodEnd: current.periodEnd + 4 }
      : { title: '', periodStart: new Date().getFullYear(), periodEnd: new Date().getFullYear() + 3 },
    mayCreate: canManagePeriods(actor) && !concept && current !== undefined,
  };
}

/** "Nieuwe agenda opstellen": who runs the agenda; bad years get their message beside the field, nothing is made. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManagePeriods(actor));
  const form = parseForm(ConceptFormSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const result = createConcept(actor, form.data);
  if (!result.ok) {
    const fieldErrors: FieldErrors = { _form: result.message, ...result.fieldErrors };
    return data(
      {
        fieldErrors,
        values: { title: form.data.title, periodStart: String(form.data.periodStart), periodEnd: String(form.data.periodEnd) },
      },
      { status: 400 },
    );
  }
  return redirect(`/periodes/${result.slug}?gemaakt=1`);
}

export default function PeriodsPage() {
  const { periods, concept, suggestion, mayCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {
    title: suggestion.title,
    periodStart: String(suggestion.periodStart),
    periodEnd: String(suggestion.periodEnd),
  };
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="periods-page">
      <h1>{l.title}</h1>
      <p className="lead">{l.lead}</p>
      {periods.length === 0 ? (
        <p>{l.none}</p>
      ) : (
        <div className="table-wrap">
          <table className="period-list">
            <caption>{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.period}</th>
                <th scope="col">{l.agenda}</th>
                <th scope="col">{l.status}</th>
                <th scope="col">{l.adopted}</th>
                <th scope="col">{l.closed}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.slug}>
                  <th scope="row">
                    <Link to={`/periodes/${period.slug}`}>{periodLabel(period)}</Link>
                  </th>
                  <td>
                    {period.title}
                    {period.isExample ? <span className="period-badge period-badge--example">{p.example}</span> : null}
                  </td>
                  <td>{p.statuses[period.status]}</td>
                  <td>{period.adoptedAt ? formatDay(period.adoptedAt) : '—'}</td>
                  <td>{period.closedAt ? formatDay(period.closedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {concept ? (
        <p>
          <Link to={`/periodes/${concept.slug}`}>{l.conceptExists(concept.label)}</Link>
        </p>
      ) : null}

      {mayCreate ? (
        <section aria-labelledby="new-period-heading" className="card">
          <h2 id="new-period-heading">{l.newHeading}</h2>
          <p>{l.newLead}</p>
          <FormErrorSummary show={Object.keys(errors).length > 0} message={errors._form ?? t.common.errors.formHasErrors} />
          <Form method="post" className="form" noValidate>
            <Field label={l.titleLabel} name="title" error={errors.title}>
              {(control) => <input {...control} type="text" defaultValue={values.title} maxLength={PERIOD_TITLE_MAX_LENGTH} required />}
            </Field>
            <Field label={l.startLabel} name="periodStart" error={errors.periodStart}>
              {(control) => (
                <input {...control} type="text" inputMode="numeric" defaultValue={values.periodStart} size={6} maxLength={4} required />
              )}
            </Field>
            <Field label={l.endLabel} name="periodEnd" error={errors.periodEnd}>
              {(control) => (
                <input {...control} type="text" inputMode="numeric" defaultValue={values.periodEnd} size={6} maxLength={4} required />
              )}
            </Field>
            <div className="button-row">
              <button type="submit" className="button" disabled={submitting}>
                {l.create}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
