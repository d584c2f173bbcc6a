import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { CommentSection } from '../components/comments/comment-section';
import { HistoryList } from '../components/history-list';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { LinkedLibraryItems } from '../components/library/library-linked-items';
import { DecisionList } from '../components/meetings/decision-list';
import { MeasuredWith } from '../components/monitor/monitor-parts';
import { FollowButton } from '../components/notifications/follow-button';
import { CarriedLinks, ItemPeriod } from '../components/periods/period-switch';
import { GoalActionTable } from '../components/tracker/action-rows';
import { GoalAccents } from '../components/tracker/goal-accents';
import { t } from '../i18n';
import { listNewestThreads } from '../models/comments/comment.server';
import { listHistoryOf } from '../models/history.server';
import { resolveHistoryNames } from '../models/history-names.server';
import { linkedLibrarySection } from '../models/library/library.server';
import { listGoalDecisions } from '../models/meetings/decision.server';
import { measuredWith } from '../models/monitor/indicator.server';
import { isFollowing } from '../models/notifications/follow.server';
import { getPeriodOfGoal, goalPeriodLinks } from '../models/periods/period.server';
import { showsOverdue } from '../models/periods/period-rules';
import { canCreateAnyAction, canEditAgenda } from '../models/permissions';
import { readRecordPaging, recordLinks, shownHistory, threadLimit } from '../models/record-paging';
import { listAccentsForGoal } from '../models/tracker/accent.server';
import { withOverdue } from '../models/tracker/deadline';
import { getGoal, listGoalActions } from '../models/tracker/goal.server';
import accentsCss from '../styles/accents.css?url';
import commentsCss from '../styles/comments.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound, requireIdParam } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const g = t.tracker.goal;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: accentsCss },
  { rel: 'stylesheet', href: commentsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? t.common.pageTitle(g.eyebrow(data.goal.code)) : t.common.pageTitle(t.common.errors.notFoundTitle) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const id = requireIdParam(params.goalId);
  const goal = requireFound(getGoal(id));
  const period = requireFound(getPeriodOfGoal(id));
  const actions = withOverdue(listGoalActions(id), todayInNL()).map((a) => (showsOverdue(period) ? a : { ...a, overdue: false }));
  const paging = readRecordPaging(new URL(request.url).searchParams);
  const history = shownHistory((limit) => listHistoryOf({ entityType: 'goal', entityId: id, limit }), paging);
  const threads = listNewestThreads({ targetType: 'goal', targetId: id, limit: threadLimit(paging) });
  return {
    actor,
    goal,
    actions,
    accents: listAccentsForGoal(id),
    threads: threads.shown,
    olderThreads: threads.older,
    decisions: listGoalDecisions({ goalId: id }),
    library: linkedLibrarySection({ actor, targetType: 'goal', targetId: id }),
    history: history.entries,
    historyNames: resolveHistoryNames(history.entries),
    moreHistory: history.more,
    period,
    carried: goalPeriodLinks(id),
    mayEditGoal: canEditAgenda(actor, period),
    mayCreateAction: canCreateAnyAction(actor, period),
    measured: measuredWith(id),
    following: isFollowing({ userId: actor.id, targetType: 'goal', targetId: id }),
  };
}

export default function GoalPage() {
  const {
    actor,
    goal,
    period,
    carried,
    actions,
    accents,
    threads,
    olderThreads,
    history,
    historyNames,
    moreHistory,
    mayEditGoal,
    mayCreateAction,
    decisions,
    library,
    measured,
    following,
  } = useLoaderData<typeof loader>();
  return (
    <article className="goal-page">
      <Breadcrumbs
        label={t.tracker.breadcrumbsLabel}
        trail={[
          { to: '/', label: t.tracker.agenda },
          { to: `/#thema-${goal.themeId}`, label: `${goal.themeCode} ${goal.themeTitle}` },
        ]}
        current={g.eyebrow(goal.code)}
      />
      <h1>
        <span className="eyebrow">{g.eyebrow(goal.code)}</span> {goal.title}
      </h1>
      <ItemPeriod period={period} />
      <CarriedLinks from={carried.from} to={carried.to} base="/doelen" />
      <FollowButton target={{ type: 'goal', id: goal.id }} following={following} />
      <dl className="meta-list">
        <dt>{g.chapter}</dt>
        <dd>
          <Link to={`/#thema-${goal.themeId}`}>
            {goal.themeCode} {goal.themeTitle}
          </Link>
        </dd>
        <dt>{g.targetYear}</dt>
        <dd>{goal.targetYear ?? <span className="muted">{g.noTargetYear}</span>}</dd>
      </dl>
      {goal.body ? <div className="prose goal-page__body">{goal.body}</div> : null}
      {mayEditGoal ? (
        <p>
          <Link to={`/doelen/${goal.id}/bewerken`} className="button button--secondary button--small">
            {g.edit}
          </Link>
        </p>
      ) : null}

      <section id="acties" aria-labelledby="acties-titel">
        <div className="section-head">
          <h2 id="acties-titel">{g.actionsHeading}</h2>
          {mayCreateAction ? (
            <Link to={`/acties/nieuw?doel=${goal.id}`} className="button button--small">
              {g.newAction}
            </Link>
          ) : null}
        </div>
        {actions.length === 0 ? (
          <p className="muted">{g.noActions}</p>
        ) : (
          <div className="table-wrap">
            <GoalActionTable actions={actions} caption={g.actionsCaption} scopeColumn />
          </div>
        )}
      </section>

      <MeasuredWith indicators={measured} />
      <GoalAccents accents={accents} actor={actor} period={period} />
      <DecisionList decisions={decisions} emptyText={t.decisions.noneForGoal} />
      <LinkedLibraryItems items={library.items} addTo={library.addTo} />
      <CommentSection
        target={{ type: 'goal', id: goal.id }}
        threads={threads}
        actor={actor}
        mayEditTarget={mayEditGoal}
        period={period}
        older={{ count: olderThreads, href: recordLinks(`/doelen/${goal.id}`).olderThreads }}
      />
      <HistoryList entries={history} names={historyNames} olderHref={moreHistory ? recordLinks(`/doelen/${goal.id}`).moreHistory : null} />
    </article>
  );
}
