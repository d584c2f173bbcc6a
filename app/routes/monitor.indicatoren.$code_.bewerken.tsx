import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { getIndicatorByCode, updateIndicator } from '../models/monitor/indicator.server';
import { COUNTED_PER, INDICATOR_LEVELS, MONITOR_KINDS } from '../models/monitor/monitor-rules';
import { canManageMonitor } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import { IndicatorEditSchema } from '../schemas/monitor-indicator';
import monitorCss from '../styles/monitor.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed, requireFound } from '../utils/http.server';

const m = monitorText;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: monitorCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? m.editIndicatorTitle(data.indicator.code) : m.editIndicatorHeading, m.title) },
];

/** The catalogue is the working group's: only those who maintain it open the form. */
async function guard(request: Request, code: string | undefined) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageMonitor(actor));
  return { actor, indicator: requireFound(code ? getIndicatorByCode(code) : undefined) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { indicator } = await guard(request, params.code);
  return { indicator };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, indicator } = await guard(request, params.code);
  const form = parseForm(IndicatorEditSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  updateIndicator(actor, indicator.id, { ...form.data, code: indicator.code, unit: indicator.unit });
  return redirect(`/monitor/indicatoren/${encodeURIComponent(indicator.code)}?indicator-opgeslagen=1`);
}

export default function EditIndicatorPage() {
  const { indicator } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const errors: FieldErrors = result?.fieldErrors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const busy = useNavigation().state === 'submitting';
  const page = `/monitor/indicatoren/${encodeURIComponent(indicator.code)}`;
  const choice = <T extends string>(
    name: 'level' | 'monitor' | 'countedPer',
    options: readonly T[],
    labels: Record<T, string>,
    label: string,
  ) => (
    <Field label={label} name={name} error={errors[name]}>
      {(p) => (
        <select {...p} defaultValue={values[name] ?? indicator[name]}>
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
      <Breadcrumbs
        label={t.accents.breadcrumbsLabel}
        trail={[
          { to: '/monitor', label: m.title },
          { to: '/monitor/indicatoren', label: m.indicatorsHeading },
          { to: page, label: indicator.code },
        ]}
        current={m.editIndicatorHeading}
      />
      <h1>{m.editIndicatorTitle(indicator.code)}</h1>
      <p className="lead">{m.editIndicatorIntro}</p>
      <p>
        {m.unit}: {m.units[indicator.unit]}
      </p>
      <Form method="post" className="form" noValidate>
        <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
        <Field label={m.name} name="name" error={errors.name}>
          {(p) => <input {...p} type="text" defaultValue={values.name ?? indicator.name} maxLength={TEXT_LIMITS.title} />}
        </Field>
        {choice('level', INDICATOR_LEVELS, m.levels, m.level)}
        {choice('monitor', MONITOR_KINDS, m.monitors, m.monitorKind)}
        {choice('countedPer', COUNTED_PER, m.countedPerShort, m.countedPerLabel)}
        <Field label={m.source} name="source" error={errors.source}>
          {(p) => <input {...p} type="text" defaultValue={values.source ?? indicator.source} maxLength={TEXT_LIMITS.label} />}
        </Field>
        <Field label={m.definition} name="definition" error={errors.definition}>
          {(p) => <textarea {...p} rows={5} defaultValue={values.definition ?? indicator.definition} maxLength={TEXT_LIMITS.summary} />}
        </Field>
        <div className="checkbox">
          <input
            id="indicator-active"
            type="checkbox"
            name="active"
            value="ja"
            defaultChecked={values.active === undefined ? indicator.active : values.active === 'ja'}
          />
          <label htmlFor="indicator-active">{m.activeLabel}</label>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {t.common.save}
          </button>
          <Link to={page}>{t.common.cancel}</Link>
        </div>
      </Form>
    </>
  );
}
