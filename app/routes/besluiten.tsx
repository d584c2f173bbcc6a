import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';

import { DecisionList } from '../components/meetings/decision-list';
import { t } from '../i18n';
import { listDecisions, listGoalDecisions } from '../models/meetings/decision.server';
import { listActionFormOptions } from '../models/tracker/action.server';
import trackerCss from '../styles/tracker.css?url';
import { requireUser } from '../utils/auth.server';
import { optionalIdQuery } from '../utils/http.server';

const d = t.decisions;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: trackerCss }];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(d.pageTitle) }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const goals = listActionFormOptions().goals.map((g) => ({ id: g.id, code: g.code, title: g.title }));
  const requested = optionalIdQuery(new URL(request.url).searchParams.get('doel'));
  const goal = goals.find((g) => g.id === requested) ?? null;
  return { goals, goal, decisions: goal ? listGoalDecisions({ goalId: goal.id }) : listDecisions() };
}

export default function DecisionsLogPage() {
  const { goals, goal, decisions } = useLoaderData<typeof loader>();
  return (
    <article className="decisions-page">
      <h1>{d.pageTitle}</h1>
      <p className="lead">{d.intro}</p>
      <Form method="get" className="form inline-fields">
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
