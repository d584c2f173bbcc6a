/**
 * Decisions with their source meeting and what they are about: the decisions log
 * (/besluiten), and the decisions section of a goal's and an action's page. Styled by the
 * log classes of tracker.css, which those pages load.
 */
import { Link } from '@remix-run/react';
import { useId } from 'react';

import { t } from '../../i18n';
import type { DecisionRow } from '../../models/meetings/decision.server';
import { formatDay } from '../../utils/date-time';

const d = t.decisions;

export type DecisionListItem = Pick<
  DecisionRow,
  'id' | 'text' | 'meetingId' | 'meetingTitle' | 'meetingStartsAt' | 'goalId' | 'goalCode' | 'actionId' | 'actionTitle'
>;

/**
 * `titled`: a section with its own h2 "Besluiten" (goal and action pages); without it,
 * just the list (the decisions log, whose h1 says it).
 */
export function DecisionList({
  decisions,
  emptyText,
  titled = true,
}: {
  decisions: DecisionListItem[];
  emptyText: string;
  titled?: boolean;
}) {
  const titleId = useId();
  const list =
    decisions.length === 0 ? (
      <p className="muted">{emptyText}</p>
    ) : (
      <ol className="progress-log decision-list">
        {decisions.map((decision) => (
          <li key={decision.id} id={`besluit-${decision.id}`} className="progress-log__entry">
            <p className="prose">
              <strong>{decision.text}</strong>
            </p>
            <p className="progress-log__change">
              <span>
                {d.source}: <Link to={`/overleggen/${decision.meetingId}`}>{decision.meetingTitle}</Link>,{' '}
                <time dateTime={decision.meetingStartsAt}>{formatDay(decision.meetingStartsAt)}</time>
              </span>
              {decision.goalId ? (
                <span>
                  {d.goal}: <Link to={`/doelen/${decision.goalId}`}>{decision.goalCode}</Link>
                </span>
              ) : null}
              {decision.actionId ? (
                <span>
                  {d.action}: <Link to={`/acties/${decision.actionId}`}>{decision.actionTitle}</Link>
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    );
  if (!titled) return list;
  return (
    <section id="besluiten" aria-labelledby={titleId}>
      <h2 id={titleId}>{d.heading}</h2>
      {list}
    </section>
  );
}
