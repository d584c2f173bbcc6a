import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';

import { CommentSection } from '../components/comments/comment-section';
import { Field, FormErrorSummary } from '../components/forms/field';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { ExampleFiguresNotice, IndicatorChartSection } from '../components/monitor/monitor-parts';
import { t } from '../i18n';
import { monitor as monitorText } from '../i18n/nl/monitor';
import { listComments } from '../models/comments/comment.server';
import { listMonitorMunicipalities, saveFigure, saveTarget } from '../models/monitor/figure.server';
import { getIndicatorByCode } from '../models/monitor/indicator.server';
import { enterableMunicipalities, figureYears, indicatorPage } from '../models/monitor/indicator-page.server';
import { readMonitorFilters } from '../models/monitor/monitor-filters.server';
import { BREAKDOWNS, parseBreakdownKey } from '../models/monitor/monitor-rules';
import { formatFigure } from '../models/monitor/monitor-series';
import { listSteeringPoints, nextWerkgroepMeeting, putIndicatorOnAgenda } from '../models/monitor/steering.server';
import { getPeriodBySlug, listPeriods } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canEnterFigure, canEnterSomeFigures, canManageMonitor } from '../models/permissions';
import { TEXT_LIMITS } from '../schemas/limits';
import { figureFormSchema, steeringFormSchema, targetFormSchema } from '../schemas/monitor-figure';
import chartsCss from '../styles/charts.css?url';
import commentsCss from '../styles/comments.css?url';
import monitorCss from '../styles/monitor.css?url';
import periodsCss from '../styles/periods.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { formatDateTime, formatDay } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest, requireAllowed, requireFound } from '../utils/http.server';

const m = monitorText;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: commentsCss },
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: monitorCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? m.indicatorTitle(data.indicator.code, data.indicator.name) : m.title) },
];

function loadIndicator(params: LoaderFunctionArgs['params']) {
  return requireFound(getIndicatorByCode(params.code ?? ''));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const indicator = loadIndicator(params);
  const { period } = requireFound(readMonitorFilters(new URL(request.url).searchParams));
  const page = indicatorPage(indicator, period);
  const mayManage = canManageMonitor(actor);
  return {
    indicator,
    ...page,
    areas: [
      ...(canEnterFigure(actor, { municipalityId: null }) ? [{ value: 'regio', label: m.region }] : []),
      ...enterableMunicipalities(actor).map((mu) => ({ value: String(mu.id), label: mu.name })),
    ],
    targetAreas: mayManage
      ? [{ value: 'regio', label: m.region }, ...listMonitorMunicipalities().map((mu) => ({ value: String(mu.id), label: mu.name }))]
      : [],
    periods: listPeriods().map((p) => ({ slug: p.slug, label: periodLabel(p) })),
    currentPeriod: period.slug,
    years: figureYears(),
    mayEnter: canEnterSomeFigures(actor),
    mayManage,
    actor,
    steeringPoints: listSteeringPoints(indicator.id),
    nextMeeting: mayManage ? (nextWerkgroepMeeting(new Date().toISOString()) ?? null) : null,
    // Advisers and municipalities comment on the figures ("waar komt deze daling vandaan?"); the working group answers.
    threads: listComments({ targetType: 'indicator', targetId: indicator.id }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const indicator = loadIndicator(params);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const years = figureYears();
  if (intent === 'cijfer') {
    requireAllowed(canEnterSomeFigures(actor));
    const municipalityIds = listMonitorMunicipalities().map((mu) => mu.id);
    const form = parseForm(figureFormSchema({ unit: indicator.unit, municipalityIds, ...years }), formData);
    if (!form.ok) return data({ intent, fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
    const area = { municipalityId: form.data.gebied };
    // A gemeente user posting another municipality's figure: refused, nothing stored.
    requireAllowed(canEnterFigure(actor, area));
    const change = saveFigure(actor, {
      indicatorId: indicator.id,
      municipalityId: form.data.gebied,
      year: form.data.jaar,
      breakdownKey: form.data.uitsplitsing,
      value: form.data.waarde,
      source: form.data.bron,
      completeness: form.data.volledigheid,
      respondents: form.data.respondenten,
    });
    return redirect(
      `/monitor/indicatoren/${encodeURIComponent(indicator.code)}?${change === 'unchanged' ? 'ongewijzigd' : 'opgeslagen'}=1#cijfers`,
    );
  }
  if (intent === 'streefwaarde') {
    requireAllowed(canManageMonitor(actor));
    const municipalityIds = listMonitorMunicipalities().map((mu) => mu.id);
    const form = parseForm(targetFormSchema({ unit: indicator.unit, municipalityIds, ...years }), formData);
    if (!form.ok) return data({ intent, fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
    const period = getPeriodBySlug(form.data.periode);
    const values = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    if (!period) return data({ intent, fieldErrors: { periode: m.errors.unknownPeriod } as FieldErrors, values }, { status: 400 });
    if (form.data.jaar < period.periodStart || form.data.jaar > period.periodEnd) {
      return data({ intent, fieldErrors: { jaar: m.errors.yearOutsidePeriod } as FieldErrors, values }, { status: 400 });
    }
    saveTarget(actor, {
      indicatorId: indicator.id,
      agendaId: period.id,
      municipalityId: form.data.gebied,
      year: form.data.jaar,
      value: form.data.waarde,
    });
    return redirect(`/monitor/indicatoren/${encodeURIComponent(indicator.code)}?streefwaarde=1#streefwaarden`);
  }
  if (intent === 'bijsturen') {
    requireAllowed(canManageMonitor(actor));
    const form = parseForm(steeringFormSchema, formData);
    if (!form.ok) return data({ intent, fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
    const outcome = putIndicatorOnAgenda(actor, { indicatorId: indicator.id, title: form.data.vraag, goalId: form.data.doel });
    if (!outcome.ok) {
      const fieldErrors: FieldErrors =
        outcome.error === 'unknown_goal' ? { doel: m.errors.steeringUnknownGoal } : { vraag: m.steeringNoMeeting };
      const values = { vraag: form.data.vraag, doel: form.data.doel === null ? '' : String(form.data.doel) };
      return data({ intent, fieldErrors, values }, { status: 400 });
    }
    return redirect(`/monitor/indicatoren/${encodeURIComponent(indicator.code)}?bijgestuurd=1#steering-heading`);
  }
  throw badRequest();
}

function breakdownLabel(key: string) {
  const parsed = parseBreakdownKey(key);
  return parsed ? `${m.breakdownDimensions[parsed.dimension] ?? parsed.dimension}: ${parsed.category}` : m.total;
}

export default function IndicatorPage() {
  const {
    indicator,
    view,
    figures,
    targets,
    goals,
    actions,
    areas,
    targetAreas,
    periods,
    currentPeriod,
    years,
    mayManage,
    actor,
    threads,
    steeringPoints,
    nextMeeting,
  } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const figureErrors: FieldErrors = result?.intent === 'cijfer' ? result.fieldErrors : {};
  const figureValues: Record<string, string> = result?.intent === 'cijfer' ? result.values : {};
  const targetErrors: FieldErrors = result?.intent === 'streefwaarde' ? result.fieldErrors : {};
  const targetValues: Record<string, string> = result?.intent === 'streefwaarde' ? result.values : {};
  const steeringErrors: FieldErrors = result?.intent === 'bijsturen' ? result.fieldErrors : {};
  const steeringValues: Record<string, string> = result?.intent === 'bijsturen' ? result.values : {};
  const notice = result
    ? null
    : params.get('opgeslagen') === '1'
      ? m.figureSaved
      : params.get('ongewijzigd') === '1'
        ? m.figureUnchanged
        : params.get('streefwaarde') === '1'
          ? m.targetSaved
          : params.get('bijgestuurd') === '1'
            ? m.steeringDone
            : params.get('indicator-opgeslagen') === '1'
              ? m.indicatorSaved
              : null;
  const yearOptions = Array.from({ length: years.toYear - years.fromYear + 1 }, (_, i) => years.fromYear + i);
  const fmt = (value: number | null) => formatFigure(indicator.unit, value);

  return (
    <>
      <Breadcrumbs
        label={t.accents.breadcrumbsLabel}
        trail={[
          { to: '/monitor', label: m.title },
          { to: '/monitor/indicatoren', label: m.indicatorsHeading },
        ]}
        current={indicator.code}
      />
      <h1>{m.indicatorTitle(indicator.code, indicator.name)}</h1>
      {notice ? (
        <div className="notice notice--success" role="status">
          {notice}
        </div>
      ) : null}
      {figures.some((f) => f.isExample) ? <ExampleFiguresNotice /> : null}
      <dl className="meta-list">
        <dt>{m.definition}</dt>
        <dd>{indicator.definition || '–'}</dd>
        <dt>{m.level}</dt>
        <dd>{m.levels[indicator.level]}</dd>
        <dt>{m.unit}</dt>
        <dd>{m.units[indicator.unit]}</dd>
        <dt>{m.monitorKind}</dt>
        <dd>{m.monitors[indicator.monitor]}</dd>
        <dt>{m.source}</dt>
        <dd>{indicator.source}</dd>
        <dt>{m.countedPerLabel}</dt>
        <dd>{m.countedPer[indicator.countedPer]}</dd>
        {indicator.active ? null : (
          <>
            <dt>{m.active}</dt>
            <dd>{m.inactive}</dd>
          </>
        )}
      </dl>
      {mayManage ? (
        <p>
          <Link to={`/monitor/indicatoren/${encodeURIComponent(indicator.code)}/bewerken`}>{m.editIndicatorHeading}</Link>
        </p>
      ) : null}

      {view ? <IndicatorChartSection view={view} idPrefix="indicator" /> : null}

      <section aria-labelledby="goals-heading">
        <h2 id="goals-heading">{m.goalsHeading}</h2>
        {goals.length === 0 ? (
          <p className="muted">{m.noGoals}</p>
        ) : (
          <ul>
            {goals.map((goal) => (
              <li key={goal.id}>
                <Link to={`/doelen/${goal.id}`}>
                  {goal.code} {goal.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="steering-heading">
        <h2 id="steering-heading">{m.steeringHeading}</h2>
        <p>{m.steeringIntro}</p>
        {actions.length === 0 ? (
          <p className="muted">{m.noSteering}</p>
        ) : (
          <ul>
            {actions.map((a) => (
              <li key={a.id}>
                <Link to={`/acties/${a.id}`}>{a.title}</Link> ({t.actions.statuses[a.status]})
              </li>
            ))}
          </ul>
        )}
        {mayManage ? (
          <p>
            <Link
              className="button button--secondary"
              to={`/acties/nieuw?indicator=${encodeURIComponent(indicator.code)}${goals[0] ? `&doel=${goals[0].id}` : ''}`}
            >
              {m.startAction}
            </Link>
          </p>
        ) : null}
        {steeringPoints.length > 0 ? (
          <>
            <h3>{m.steeringPointsHeading}</h3>
            <ul>
              {steeringPoints.map((point) => (
                <li key={point.id}>
                  <Link to={`/overleggen/${point.meetingId}`}>{point.title}</Link> —{' '}
                  {m.steeringPoint(point.meetingTitle, formatDay(point.startsAt))}
                  {point.status !== 'open' ? ` (${m.steeringPointHandled})` : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {mayManage ? (
          <div className="card">
            <h3 id="steering-form-heading">{m.steeringFormHeading}</h3>
            {nextMeeting ? (
              // A new form after each question put on the agenda (the list grows): empty for the next one.
              <Form key={steeringPoints.length} method="post" className="form" noValidate aria-labelledby="steering-form-heading">
                <input type="hidden" name="intent" value="bijsturen" />
                <p className="hint">{m.steeringNextMeeting(nextMeeting.title, formatDay(nextMeeting.startsAt))}</p>
                <FormErrorSummary show={Object.keys(steeringErrors).length > 0} message={t.common.errors.formHasErrors} />
                <Field label={m.steeringQuestion} name="vraag" error={steeringErrors.vraag} hint={m.steeringQuestionHint}>
                  {(p) => <input {...p} type="text" defaultValue={steeringValues.vraag ?? ''} maxLength={TEXT_LIMITS.title} />}
                </Field>
                {goals.length > 0 ? (
                  <Field label={m.steeringGoal} name="doel" error={steeringErrors.doel}>
                    {(p) => (
                      <select {...p} defaultValue={steeringValues.doel ?? String(goals[0].id)}>
                        <option value="">{m.steeringNoGoal}</option>
                        {goals.map((goal) => (
                          <option key={goal.id} value={goal.id}>
                            {goal.code} {goal.title}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : null}
                <button type="submit" className="button" disabled={busy}>
                  {m.steeringSubmit}
                </button>
              </Form>
            ) : (
              <p className="muted">{m.steeringNoMeeting}</p>
            )}
          </div>
        ) : null}
      </section>

      {areas.length > 0 || mayManage ? (
        <div className="monitor-forms">
          {areas.length > 0 ? (
            <section aria-labelledby="figure-form-heading" className="card">
              <h2 id="figure-form-heading">{m.enterFigureHeading}</h2>
              <p className="hint">{m.enterFigureIntro}</p>
              <Form method="post" className="form" noValidate>
                <input type="hidden" name="intent" value="cijfer" />
                <FormErrorSummary show={Object.keys(figureErrors).length > 0} message={t.common.errors.formHasErrors} />
                <Field label={m.area} name="gebied" error={figureErrors.gebied}>
                  {(p) => (
                    <select {...p} defaultValue={figureValues.gebied ?? areas[0].value}>
                      {areas.map((a) => (
                        <option key={a.value} value={a.value}>
                          {a.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={m.year} name="jaar" error={figureErrors.jaar}>
                  {(p) => (
                    <select {...p} defaultValue={figureValues.jaar ?? String(years.toYear > 2025 ? 2025 : years.toYear)}>
                      {yearOptions.map((y) => (
                        <option key={y} value={y}>
                          {y}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={m.breakdown} name="uitsplitsing" error={figureErrors.uitsplitsing}>
                  {(p) => (
                    <select {...p} defaultValue={figureValues.uitsplitsing ?? ''}>
                      <option value="">{m.total}</option>
                      {Object.entries(BREAKDOWNS).flatMap(([dimension, categories]) =>
                        categories.map((category) => (
                          <option key={`${dimension}/${category}`} value={`${dimension}/${category}`}>
                            {breakdownLabel(`${dimension}/${category}`)}
                          </option>
                        )),
                      )}
                    </select>
                  )}
                </Field>
                <Field label={m.value} name="waarde" error={figureErrors.waarde} hint={m.valueHint[indicator.unit]}>
                  {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={figureValues.waarde ?? ''} maxLength={30} />}
                </Field>
                <Field label={m.source} name="bron" error={figureErrors.bron}>
                  {(p) => <input {...p} type="text" defaultValue={figureValues.bron ?? indicator.source} maxLength={TEXT_LIMITS.label} />}
                </Field>
                <Field label={m.completeness} name="volledigheid" error={figureErrors.volledigheid} hint={m.completenessHint}>
                  {(p) => <input {...p} type="text" defaultValue={figureValues.volledigheid ?? ''} maxLength={TEXT_LIMITS.label} />}
                </Field>
                <Field label={m.respondents} name="respondenten" error={figureErrors.respondenten} hint={m.respondentsHint}>
                  {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={figureValues.respondenten ?? ''} maxLength={7} />}
                </Field>
                <button type="submit" className="button" disabled={busy}>
                  {m.saveFigure}
                </button>
              </Form>
            </section>
          ) : null}
          {mayManage ? (
            <section aria-labelledby="target-form-heading" className="card">
              <h2 id="target-form-heading">{m.setTargetHeading}</h2>
              <Form method="post" className="form" noValidate>
                <input type="hidden" name="intent" value="streefwaarde" />
                <FormErrorSummary show={Object.keys(targetErrors).length > 0} message={t.common.errors.formHasErrors} />
                <Field label={m.period} name="periode" error={targetErrors.periode}>
                  {(p) => (
                    <select {...p} defaultValue={targetValues.periode ?? currentPeriod}>
                      {periods.map((pe) => (
                        <option key={pe.slug} value={pe.slug}>
                          {pe.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={m.area} name="gebied" error={targetErrors.gebied}>
                  {(p) => (
                    <select {...p} defaultValue={targetValues.gebied ?? 'regio'}>
                      {targetAreas.map((a) => (
                        <option key={a.value} value={a.value}>
                          {a.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={m.year} name="jaar" error={targetErrors.jaar}>
                  {(p) => (
                    <select {...p} defaultValue={targetValues.jaar ?? String(years.toYear)}>
                      {yearOptions.map((y) => (
                        <option key={y} value={y}>
                          {y}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  label={m.target}
                  name="waarde"
                  error={targetErrors.waarde}
                  hint={`${m.valueHint[indicator.unit]} ${m.setTargetHint}`}
                >
                  {(p) => <input {...p} type="text" inputMode="decimal" defaultValue={targetValues.waarde ?? ''} maxLength={30} />}
                </Field>
                <button type="submit" className="button" disabled={busy}>
                  {m.saveTarget}
                </button>
              </Form>
            </section>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="streefwaarden">
        <h2 id="streefwaarden">{m.targetsHeading}</h2>
        {targets.length === 0 ? (
          <p className="muted">{m.noTargets}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="targets-caption" tabIndex={0}>
            <table className="table">
              <caption id="targets-caption">{m.targetsCaption(indicator.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.period}</th>
                  <th scope="col">{m.area}</th>
                  <th scope="col">{m.year}</th>
                  <th scope="col" className="numeric">
                    {m.target}
                  </th>
                </tr>
              </thead>
              <tbody>
                {targets.map((tg) => (
                  <tr key={tg.id}>
                    <td>{tg.period}</td>
                    <td>{tg.area ?? m.region}</td>
                    <td>{tg.year}</td>
                    <td className="numeric">{fmt(tg.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cijfers">
        <h2 id="cijfers">{m.figuresHeading}</h2>
        {figures.length === 0 ? (
          <p className="muted">{m.noFigures}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="figures-caption" tabIndex={0}>
            <table className="table">
              <caption id="figures-caption">{m.figuresCaption(indicator.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.area}</th>
                  <th scope="col">{m.year}</th>
                  <th scope="col">{m.breakdown}</th>
                  <th scope="col" className="numeric">
                    {m.value}
                  </th>
                  <th scope="col">{m.completeness}</th>
                  <th scope="col" className="numeric">
                    {m.respondents}
                  </th>
                  <th scope="col">{m.source}</th>
                  <th scope="col">{m.enteredBy}</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.id}>
                    <td>{f.area ?? m.region}</td>
                    <td>{f.year}</td>
                    <td>{breakdownLabel(f.breakdownKey)}</td>
                    <td className="numeric">
                      {fmt(f.value)}
                      {f.isExample ? <span className="visually-hidden"> ({m.exampleFigures})</span> : null}
                    </td>
                    <td>{f.completeness ?? ''}</td>
                    <td className="numeric">{f.respondents ?? ''}</td>
                    <td>{f.source}</td>
                    <td>
                      {f.enteredByName ?? ''} {formatDateTime(f.enteredAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <CommentSection
        target={{ type: 'indicator', id: indicator.id }}
        threads={threads}
        actor={actor}
        mayEditTarget={mayManage}
        heading={m.commentsHeading}
      />
    </>
  );
}
