import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';

import { DecisionList } from '../components/meetings/decision-list';
import { PeriodSwitch } from '../components/periods/period-switch';
import { t } from '../i18n';
import { listDecisions, listGoalDecisions } from '../models/meetings/decision.server';
import { periodMeetingRange } from '../models/periods/period-rules';
import { listGoalOptions } from '../models/tracker/action-list.server';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireUser } from '../utils/auth.server';
import { optionalIdQuery } from '../utils/http.server';
import { requirePeriod } from '../utils/route-guards.server';

const d = t.decisions;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(d.pageTitle) }];

/**
 * ?periode=<slug>: the decisions of the meetings held in that period's years (decisions
 * belong to no period), and its goals in the filter; a goal filter shows every decision
 * about that goal.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { period, periodSwitch } = requirePeriod(request);
  const goals = listGoalOptions(period).map((g) => ({ id: g.id, code: g.code, title: g.title }));
  const requested = optionalIdQuery(new URL(request.url).searchParams.get('doel'));
  const goal = goals.find((g) => g.id === requested) ?? null;
  return {
    periodSwitch,
    goals,
    goal,
    decisions: goal ? listGoalDecisions({ goalId: goal.id }) : listDecisions({ within: periodMeetingRange(period) }),
  };
}

export default function DecisionsLogPage() {
  const { periodSwitch, goals, goal, decisions } = useLoaderData<typeof loader>();
  return (
    <article className="decisions-page">
      <h1>{d.pageTitle}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{d.intro}</p>
      <Form method="get" className="form inline-fields">
        <input type="hidden" name="periode" value={periodSwitch.shown.slug} />
        <div className="field">
          <label htmlFor="besluiten-doel">{d.filterLabel}</label>
          <select id="besluiten-doel" name="doel" defaultValue={goal?.id ?? ''}>
            <option value="">{d.filterAll}</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.code} {g.title}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button--secondary">
            {d.filterSubmit}
          </button>
        </div>
      </Form>
      {/* Unfiltered, the h1 already says "Besluiten". */}
      {goal ? <h2>{d.filteredBy(goal.code)}</h2> : null}
      <p className="muted" role="status">
        {d.count(decisions.length)}
      </p>
      <DecisionList decisions={decisions} emptyText={d.none} titled={false} />
    </article>
  );
}
