import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { StackedBarChart } from '../components/charts/stacked-bar-chart';
import { PeriodSwitch } from '../components/periods/period-switch';
import { GoalActionTable } from '../components/tracker/action-rows';
import { CountsLine } from '../components/tracker/status-counts';
import { t } from '../i18n';
import { canEditAgenda } from '../models/permissions';
import { getAgendaOverview, type OverviewGoal } from '../models/tracker/agenda.server';
import { overviewChapterHref } from '../models/tracker/overview-links';
import { chapterProgressSpec } from '../models/tracker/progress-chart';
import chartsCss from '../styles/charts.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { keptLoaderData } from '../utils/kept-loader-data.server';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const o = t.tracker.overview;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: periodsCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(o.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return keptLoaderData('routes/_index', request, actor, () => {
    const searchParams = new URL(request.url).searchParams;
    const includeLocal = searchParams.get('lokaal') === 'ja';
    // A bad or unknown chapter shows the first one (the overview of a large agenda opens one chapter at a time).
    const chapterParam = Number(searchParams.get('hoofdstuk'));
    const chapterId = Number.isSafeInteger(chapterParam) && chapterParam > 0 ? chapterParam : null;
    const { period, periodSwitch } = requirePeriod(request);
    const overview = getAgendaOverview({ today: todayInNL(), includeLocal, periodId: period.id, chapterId });
    return { overview, includeLocal, periodSwitch, mayEditAgenda: canEditAgenda(actor, period) };
  });
}

export default function Overview() {
  const { overview, includeLocal, periodSwitch, mayEditAgenda } = useLoaderData<typeof loader>();
  const periodParam = `periode=${periodSwitch.shown.slug}`;
  if (!overview) {
    return (
      <>
        <h1>{o.title}</h1>
        <p>{o.noAgenda}</p>
      </>
    );
  }
  const { agenda, chapters, otherChapters, counts, expandedChapterId } = overview;
  const chapterParam = expandedChapterId === null ? '' : `&hoofdstuk=${expandedChapterId}`;
  const chapterHref = (chapterId: number) => overviewChapterHref(chapterId, { periodSlug: periodSwitch.shown.slug, includeLocal });
  return (
    <div className="overview">
      <h1>{agenda.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{o.period(agenda.periodStart, agenda.periodEnd)}</p>
      {agenda.isExample ? <p className="muted">{t.periods.exampleNote}</p> : null}
      {agenda.body ? <p className="prose">{agenda.body}</p> : null}

      <section className="card overview-totals" aria-labelledby="totals-heading">
        <h2 id="totals-heading">{o.totalsHeading}</h2>
        <p>
          <strong>{includeLocal ? o.totalsAll : o.totalsRegional}:</strong> <CountsLine counts={counts} />
        </p>
        <p className="overview-toggle">
          {includeLocal ? <span className="muted">{o.localShown} </span> : null}
          <Link to={includeLocal ? `/?${periodParam}${chapterParam}` : `/?lokaal=ja&${periodParam}${chapterParam}`}>
            {includeLocal ? o.hideLocal : o.showLocal}
          </Link>
        </p>
        <StackedBarChart {...chapterProgressSpec(chapters, { includeLocal })} />
        {expandedChapterId !== null ? <p className="muted">{o.oneChapterNote}</p> : null}
        <nav aria-label={o.totalsHeading}>
          <ul className="chapter-index">
            {chapters.map((chapter) => (
              <li key={chapter.id}>
                <a
                  href={chapter.expanded ? `#thema-${chapter.id}` : chapterHref(chapter.id)}
                  aria-current={expandedChapterId === chapter.id ? 'location' : undefined}
                >
                  {chapter.code} {chapter.title}
                </a>{' '}
                <span className="muted">
                  (<CountsLine counts={chapter.counts} />)
                </span>
              </li>
            ))}
          </ul>
        </nav>
      </section>

      {chapters.map((chapter) => (
        <section key={chapter.id} id={`thema-${chapter.id}`} className="chapter" aria-labelledby={`thema-${chapter.id}-titel`}>
          <h2 id={`thema-${chapter.id}-titel`}>
            <span className="chapter__code">{chapter.code}</span> {chapter.title}
          </h2>
          <p className="chapter__counts">
            {o.chapterCounts}: <CountsLine counts={chapter.counts} />
          </p>
          {chapter.body || mayEditAgenda ? (
            <div className="chapter__intro">
              {chapter.body ? (
                <details>
                  <summary>{o.chapterIntro}</summary>
                  <div className="prose">{chapter.body}</div>
                </details>
              ) : null}
              {mayEditAgenda ? (
                <Link to={`/themas/${chapter.id}/bewerken`} className="button button--secondary button--small">
                  {o.editTheme(chapter.code)}
                </Link>
              ) : null}
            </div>
          ) : null}
          {chapter.expanded ? (
            chapter.goals.map((goal) => <GoalBlock key={goal.id} goal={goal} includeLocal={includeLocal} periodParam={periodParam} />)
          ) : chapter.goalCount > 0 ? (
            <p className="chapter__more">
              {o.goalCount(chapter.goalCount)} — <a href={chapterHref(chapter.id)}>{o.showChapter(chapter.code)}</a>
            </p>
          ) : null}
        </section>
      ))}

      {otherChapters.length > 0 ? (
        <section className="other-chapters" aria-labelledby="other-chapters-heading">
          <h2 id="other-chapters-heading">{o.otherChaptersHeading}</h2>
          {otherChapters.map((chapter) => (
            <details key={chapter.id} id={`thema-${chapter.id}`} className="other-chapter">
              <summary>
                <span className="chapter__code">{chapter.code}</span> {chapter.title}{' '}
                <span className="muted">({o.kindLabels[chapter.kind]})</span>
              </summary>
              <div className="prose">{chapter.body || o.emptyBody}</div>
              {mayEditAgenda ? (
                <p>
                  <Link to={`/themas/${chapter.id}/bewerken`}>{o.editTheme(chapter.code)}</Link>
                </p>
              ) : null}
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}

function GoalBlock({ goal, includeLocal, periodParam }: { goal: OverviewGoal; includeLocal: boolean; periodParam: string }) {
  return (
    <article className="goal-block" aria-labelledby={`doel-${goal.id}`}>
      <h3 id={`doel-${goal.id}`}>
        <Link to={`/doelen/${goal.id}`}>
          <span className="goal-block__code">{goal.code}</span> {goal.title}
        </Link>
      </h3>
      <p className="goal-block__meta">
        {goal.targetYear !== null ? <span className="goal-block__year">{o.targetYear(goal.targetYear)}</span> : null}
        {goal.hiddenLocalCount > 0 ? (
          <Link to={`/doelen/${goal.id}#acties`} className="goal-block__local">
            {o.localCount(goal.hiddenLocalCount)}
          </Link>
        ) : null}
      </p>
      {goal.actions.length === 0 ? (
        <p className="muted">{includeLocal ? o.noActionsAtAll : o.noActions}</p>
      ) : (
        <div className="table-wrap">
          <GoalActionTable actions={goal.actions} caption={o.actionsCaption(goal.code)} />
          {goal.moreCount > 0 ? (
            <p className="goal-block__more">
              <a href={`/acties?doel=${goal.id}&${periodParam}`}>{o.moreActions(goal.actions.length + goal.moreCount)}</a>
            </p>
          ) : null}
        </div>
      )}
    </article>
  );
}
