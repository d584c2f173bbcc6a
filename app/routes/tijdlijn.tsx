import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { CSSProperties } from 'react';

import { PageLinks } from '../components/layout/page-links';
import { PeriodSwitch } from '../components/periods/period-switch';
import { OverdueBadge, StatusBadge } from '../components/tracker/action-bits';
import { ActionFilterForm, filterQuery } from '../components/tracker/action-filters';
import { t } from '../i18n';
import { getTimeline, readListFilters, type TimelineBar } from '../models/tracker/action-list.server';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '../models/tracker/action-status';
import { formatDate } from '../models/tracker/deadline';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import timelineCss from '../styles/timeline.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireUser } from '../utils/auth.server';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const tl = t.lists.timeline;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: listsCss },
  { rel: 'stylesheet', href: timelineCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(tl.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const today = todayInNL();
  const url = new URL(request.url);
  const { period, periodSwitch } = requirePeriod(request);
  const { filters, fieldErrors, values, options } = readListFilters(url.searchParams, today, period);
  const timeline = getTimeline({ filters: { ...filters, sort: 'code', direction: 'op' }, today, period });
  return { timeline, fieldErrors, values, options, periodSwitch, tableOnly: url.searchParams.get('weergave') === 'tabel' };
}

const pct = (n: number) => `${n}%`;

export default function TimelinePage() {
  const { timeline, fieldErrors, values, options, periodSwitch, tableOnly } = useLoaderData<typeof loader>();
  if (!timeline) {
    return (
      <>
        <h1>{tl.title}</h1>
        <p>{tl.noAgenda}</p>
      </>
    );
  }
  // The same page of goals in either view; the filter form starts again at the first page.
  const { paging } = timeline;
  const pageQuery = (page: number) => filterQuery(values, { sort: null, richting: null, pagina: page > 1 ? String(page) : null });
  const hrefOf = (page: number, table: boolean) => {
    const query = pageQuery(page);
    return table ? `/tijdlijn${query ? `${query}&` : '?'}weergave=tabel` : `/tijdlijn${query}`;
  };
  const toggle = hrefOf(paging.page, !tableOnly);
  const lastYear = timeline.years[timeline.years.length - 1]!;
  return (
    <div className="timeline-page">
      <h1>{tl.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{tl.lead(timeline.years[0]!, lastYear)}</p>
      <ActionFilterForm
        action="/tijdlijn"
        options={options}
        values={values}
        fieldErrors={fieldErrors}
        fields={['thema', 'doel', 'organisatie', 'bereik', 'termijn', 'status', 'telaat']}
      />
      <p className="button-row">
        <Link to={toggle}>{tableOnly ? tl.showChart : tl.showTable}</Link>
        {!tableOnly ? <a href="#tabel">{tl.toTable}</a> : null}
      </p>
      {paging.pageCount > 1 ? (
        <p className="list-count">
          {t.lists.list.page(paging.page, paging.pageCount)}
          {paging.bars.last >= paging.bars.first
            ? ` — ${t.lists.list.showing(paging.bars.first, paging.bars.last, paging.bars.total)}`
            : null}
        </p>
      ) : null}
      {!tableOnly ? <Chart timeline={timeline} /> : null}
      <TimelineTable timeline={timeline} />
      <PageLinks
        label={t.lists.list.pagination}
        className="list-pagination"
        page={paging.page}
        pageCount={paging.pageCount}
        href={(page) => hrefOf(page, tableOnly)}
        previous={t.lists.list.previous}
        next={t.lists.list.next}
        current={t.lists.list.page(paging.page, paging.pageCount)}
      />
    </div>
  );
}

type TimelineData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['timeline']>;

/**
 * The visual timeline. Hidden from assistive technology (the table below carries the
 * same facts); its links are out of the tab order for the same reason.
 */
function Chart({ timeline }: { timeline: TimelineData }) {
  const { years, chapters } = timeline;
  const yearWidth = 100 / years.length;
  const style = { '--tl-years': years.length } as CSSProperties;
  if (timeline.barCount === 0 && chapters.length === 0) return <p className="notice">{tl.empty}</p>;
  return (
    <figure className="tl-figure">
      <div className="tl" aria-hidden="true" style={style}>
        <div className="tl-row tl-row--axis">
          <div className="tl-label" />
          <div className="tl-lane tl-lane--axis">
            {years.map((year, i) => (
              <span key={year} className="tl-year" style={{ left: pct(i * yearWidth), width: pct(yearWidth) }}>
                {year}
              </span>
            ))}
            <TodayLine position={timeline.today.position} label />
          </div>
        </div>
        {chapters.map((chapter) => (
          <div key={chapter.id} className="tl-chapter">
            <div className="tl-row tl-row--chapter">
              <div className="tl-label tl-label--chapter">
                {chapter.code} {chapter.title}
              </div>
              <div className="tl-lane">
                <TodayLine position={timeline.today.position} />
              </div>
            </div>
            {chapter.goals.map((goal) => (
              <div key={goal.id} className="tl-goal">
                <div className="tl-row tl-row--goal">
                  <div className="tl-label tl-label--goal">
                    <a href={`/doelen/${goal.id}`} tabIndex={-1}>
                      {goal.code}
                    </a>{' '}
                    <span className="tl-goal-title">{goal.title}</span>
                  </div>
                  <div className="tl-lane">
                    {goal.milestone !== null ? (
                      <span
                        className="tl-milestone"
                        style={{ left: pct(goal.milestone) }}
                        title={tl.milestone(goal.code, goal.targetYear!)}
                      >
                        <span className="tl-milestone__diamond" />
                        <span className="tl-milestone__label">{goal.code}</span>
                      </span>
                    ) : null}
                    <TodayLine position={timeline.today.position} />
                  </div>
                </div>
                {goal.bars.map((bar) => (
                  <BarRow key={bar.id} bar={bar} today={timeline.today.position} />
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
      <figcaption className="tl-legend">
        <span className="tl-legend__title">{tl.legend}:</span>
        {ACTION_STATUSES.map((status) => (
          <span key={status} className="tl-legend__item">
            <span className={`tl-swatch tl-bar--${status}`} aria-hidden="true" /> {ACTION_STATUS_LABELS[status]}
          </span>
        ))}
        <span className="tl-legend__item">
          <span className="tl-swatch tl-bar--loopt tl-bar--open-start" aria-hidden="true" /> {tl.legendOpenStart}
        </span>
        <span className="tl-legend__item">
          <span className="tl-swatch tl-bar--loopt tl-bar--open-end" aria-hidden="true" /> {tl.legendOpenEnd}
        </span>
        <span className="tl-legend__item">
          <span className="tl-swatch tl-bar--loopt tl-bar--overdue" aria-hidden="true" /> {tl.legendOverdue}
        </span>
        <span className="tl-legend__item">
          <span className="tl-milestone__diamond tl-milestone__diamond--legend" aria-hidden="true" /> {tl.legendMilestone}
        </span>
        <span className="tl-legend__item">
          <span className="tl-swatch tl-swatch--today" aria-hidden="true" /> {tl.legendToday}
        </span>
      </figcaption>
    </figure>
  );
}

function TodayLine({ position, label = false }: { position: number; label?: boolean }) {
  if (position < 0 || position > 100) return null;
  return (
    <span className="tl-today" style={{ left: pct(position) }}>
      {label ? <span className="tl-today__label">{tl.today}</span> : null}
    </span>
  );
}

function BarRow({ bar, today }: { bar: TimelineBar; today: number }) {
  const classes = [
    'tl-bar',
    `tl-bar--${bar.status}`,
    bar.openStart ? 'tl-bar--open-start' : '',
    bar.openEnd ? 'tl-bar--open-end' : '',
    bar.overdue ? 'tl-bar--overdue' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const phrase = `${bar.openStart ? '◂ ' : ''}${bar.deadlinePhrase ?? ''}${bar.openEnd ? ' ▸' : ''}`;
  // Roughly: too narrow for its phrase inside.
  const short = bar.width < (bar.deadlinePhrase ?? '').length * 0.75 + 2;
  const text = tl.barText(bar.deadlinePhrase ?? '', ACTION_STATUS_LABELS[bar.status], bar.overdue);
  return (
    <div className="tl-row">
      <div className="tl-label">
        <a href={`/acties/${bar.id}`} tabIndex={-1} className="tl-action-title">
          {bar.title}
        </a>
        <span className="tl-label__meta">
          <StatusBadge status={bar.status} />
          {bar.overdue ? <OverdueBadge /> : null}
        </span>
      </div>
      <div className="tl-lane">
        <span className={classes} style={{ left: pct(bar.left), width: pct(bar.width) }} title={text}>
          {short ? null : phrase}
        </span>
        {short ? (
          // A short window: its phrase beside the bar (on the left near the end of the axis).
          <span
            className="tl-bar-label"
            style={bar.left + bar.width > 80 ? { right: pct(100 - bar.left) } : { left: pct(bar.left + bar.width) }}
          >
            {phrase}
          </span>
        ) : null}
        <TodayLine position={today} />
      </div>
    </div>
  );
}

function TimelineTable({ timeline }: { timeline: TimelineData }) {
  const rows = timeline.chapters.flatMap((c) => c.goals.flatMap((g) => g.bars));
  return (
    <section aria-labelledby="tabel" className="timeline-table">
      <h2 id="tabel" tabIndex={-1}>
        {tl.tableHeading}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{tl.empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="data compact card-table">
            <caption>{tl.tableCaption(t.lists.count(rows.length))}</caption>
            <thead>
              <tr>
                <th scope="col">{tl.columns.action}</th>
                <th scope="col">{tl.columns.goal}</th>
                <th scope="col">{tl.columns.deadline}</th>
                <th scope="col">{tl.columns.start}</th>
                <th scope="col">{tl.columns.end}</th>
                <th scope="col">{tl.columns.status}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((bar) => (
                <tr key={bar.id}>
                  <th scope="row" className="cell-title">
                    <a href={`/acties/${bar.id}`}>{bar.title}</a>
                    {bar.municipalityName ? <span className="scope-tag">{t.lists.list.local(bar.municipalityName)}</span> : null}
                  </th>
                  <td data-label={tl.columns.goal}>
                    <a href={`/doelen/${bar.goalId}`}>{bar.goalCode}</a>
                  </td>
                  <td data-label={tl.columns.deadline}>{bar.deadlinePhrase}</td>
                  <td data-label={tl.columns.start}>
                    {bar.deadlineStart ? formatDate(bar.deadlineStart) : <span className="muted">{tl.openStart}</span>}
                  </td>
                  <td data-label={tl.columns.end}>
                    {bar.deadlineEnd ? formatDate(bar.deadlineEnd) : <span className="muted">{tl.openEnd}</span>}
                  </td>
                  <td data-label={tl.columns.status}>
                    <span className="status-cell">
                      <StatusBadge status={bar.status} />
                      {bar.overdue ? <OverdueBadge /> : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{tl.milestonesHeading}</h3>
      {timeline.milestones.length > 0 ? (
        <ul className="tl-milestone-list">
          {timeline.milestones.map((m) => (
            <li key={m.goalId}>
              <a href={`/doelen/${m.goalId}`}>{tl.milestoneItem(m.code, m.year)}</a>
            </li>
          ))}
        </ul>
      ) : null}

      <h3>{tl.unscheduledHeading}</h3>
      {timeline.unscheduled.length === 0 ? (
        <p className="muted">{tl.unscheduledEmpty}</p>
      ) : (
        <ul className="tl-unscheduled">
          {timeline.unscheduled.map((a) => (
            <li key={a.id}>
              <a href={`/acties/${a.id}`}>{a.title}</a> <span className="muted">({a.goalCode})</span> <StatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
