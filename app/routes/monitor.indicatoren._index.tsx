import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { createIndicator, indicatorCodeTaken, listIndicators } from '../models/monitor/indicator.server';
import { COUNTED_PER, INDICATOR_LEVELS, INDICATOR_UNITS, MONITOR_KINDS } from '../models/monitor/monitor-rules';
import { canManageMonitor } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import { TEXT_LIMITS } from '../schemas/limits';
import { INDICATOR_CODE_MAX_LENGTH, IndicatorFormSchema } from '../schemas/monitor-indicator';
import monitorCss from '../styles/monitor.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed } from '../utils/http.server';

const m = monitorText;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: monitorCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(m.indicatorsHeading) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return { indicators: listIndicators({ includeInactive: true }), mayManage: canManageMonitor(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canManageMonitor(actor));
  const formData = await request.formData();
  const form = parseForm(IndicatorFormSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const code = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: 'monitor-indicator' }, () => {
    if (indicatorCodeTaken(form.data.code)) return null;
    createIndicator(actor, { ...form.data, active: true });
    return form.data.code;
  });
  if (code === null) return data({ fieldErrors: { code: m.errors.codeTaken } as FieldErrors, values }, { status: 400 });
  return redirect(`/monitor/indicatoren/${encodeURIComponent(code)}`);
}

export default function IndicatorCatalogue() {
  const { indicators, mayManage } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const errors: FieldErrors = result?.fieldErrors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const busy = useNavigation().state === 'submitting';
  const choice = <T extends string>(name: string, options: readonly T[], labels: Record<T, string>, label: string) => (
    <Field label={label} name={name} error={errors[name]}>
      {(p) => (
        <select {...p} defaultValue={values[name] ?? options[0]}>
          {options.map((o) => (
            <option key={o} value={o}>
              {labels[o]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <>
      <Breadcrumbs label={t.accents.breadcrumbsLabel} trail={[{ to: '/monitor', label: m.title }]} current={m.indicatorsHeading} />
      <h1>{m.indicatorsHeading}</h1>
      <p className="lead">{m.indicatorsIntro}</p>
      <div className="table-wrap" role="region" aria-labelledby="catalogue-caption" tabIndex={0}>
        <table className="table">
          <caption id="catalogue-caption">{m.indicatorsHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{m.code}</th>
              <th scope="col">{m.name}</th>
              <th scope="col">{m.level}</th>
              <th scope="col">{m.unit}</th>
              <th scope="col">{m.monitorKind}</th>
              <th scope="col">{m.source}</th>
              <th scope="col">{m.countedPerLabel}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/monitor/indicatoren/${encodeURIComponent(i.code)}`}>{i.code}</Link>
                </td>
                <td>
                  {i.name}
                  {i.active ? null : <span className="muted"> ({m.inactive})</span>}
                </td>
                <td>{m.levels[i.level]}</td>
                <td>{m.units[i.unit]}</td>
                <td>{m.monitors[i.monitor]}</td>
                <td>{i.source}</td>
                <td>{m.countedPerShort[i.countedPer]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {mayManage ? (
        <section aria-labelledby="new-indicator-heading" className="card">
          <h2 id="new-indicator-heading">{m.newIndicatorHeading}</h2>
          <Form method="post" className="form" noValidate>
            <SubmissionKeyField />
            <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
            <Field label={m.code} name="code" error={errors.code} hint={m.codeHint}>
              {(p) => <input {...p} type="text" defaultValue={values.code ?? ''} maxLength={INDICATOR_CODE_MAX_LENGTH} />}
            </Field>
            <Field label={m.name} name="name" error={errors.name}>
              {(p) => <input {...p} type="text" defaultValue={values.name ?? ''} maxLength={TEXT_LIMITS.title} />}
            </Field>
            {choice('level', INDICATOR_LEVELS, m.levels, m.level)}
            {choice('unit', INDICATOR_UNITS, m.units, m.unit)}
            {choice('monitor', MONITOR_KINDS, m.monitors, m.monitorKind)}
            {choice('countedPer', COUNTED_PER, m.countedPerShort, m.countedPerLabel)}
            <Field label={m.source} name="source" error={errors.source}>
              {(p) => <input {...p} type="text" defaultValue={values.source ?? ''} maxLength={TEXT_LIMITS.label} />}
            </Field>
            <Field label={m.definition} name="definition" error={errors.definition}>
              {(p) => <textarea {...p} rows={4} defaultValue={values.definition ?? ''} maxLength={TEXT_LIMITS.summary} />}
            </Field>
            <button type="submit" className="button" disabled={busy}>
              {m.saveIndicator}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
