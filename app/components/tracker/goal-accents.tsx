import { Link } from '@remix-run/react';
import { useId } from 'react';

import { t } from '../../i18n';
import type { PeriodState } from '../../models/periods/period-rules';
import { type Actor, canEditAccent } from '../../models/permissions';
import type { AccentCellWithActions, LocalAction } from '../../models/tracker/accent.server';
import { formatDay } from '../../utils/date-time';
import { DeadlineText, StatusBadge } from './action-bits';

const a = t.accents;

/** "Bijgewerkt 18 nov. 2026 door Gemeente Zandvoort", or nothing while the cell is empty. */
export function AccentUpdated({
  cell,
  className,
}: {
  cell: Pick<AccentCellWithActions, 'updatedAt' | 'updatedByName'>;
  className?: string;
}) {
  if (!cell.updatedAt) return null;
  return (
    <p className={className}>
      <time dateTime={cell.updatedAt}>{a.updated(formatDay(cell.updatedAt), cell.updatedByName)}</time>
    </p>
  );
}

/** A municipality's local actions for one goal: title (linked), status and termijn. */
export function LocalActionList({ actions }: { actions: LocalAction[] }) {
  if (actions.length === 0) return <p className="muted">{a.noLocalActions}</p>;
  return (
    <ul className="local-actions">
      {actions.map((action) => (
        <li key={action.id}>
          <Link to={`/acties/${action.id}`} className="local-actions__title">
            {action.title}
          </Link>
          <StatusBadge status={action.status} />
          <DeadlineText phrase={action.deadlinePhrase} start={action.deadlineStart} end={action.deadlineEnd} />
        </li>
      ))}
    </ul>
  );
}

/** The goal page's block "Lokale accenten": one entry per municipality. */
export function GoalAccents({ accents, actor, period }: { accents: AccentCellWithActions[]; actor: Actor; period?: PeriodState }) {
  const headingId = useId();
  return (
    <section className="goal-accents" aria-labelledby={headingId}>
      <h2 id={headingId}>{a.heading}</h2>
      <ul className="goal-accents__list">
        {accents.map((cell) => {
          const mayEdit = canEditAccent(actor, cell.municipalityId, period);
          return (
            <li key={cell.municipalityId}>
              <article className="card goal-accents__item" aria-labelledby={`${headingId}-${cell.municipalityId}`}>
                <h3 id={`${headingId}-${cell.municipalityId}`}>{cell.municipalityName}</h3>
                {cell.body ? <p className="goal-accents__body">{cell.body}</p> : <p className="muted">{a.noAccent}</p>}
                <AccentUpdated cell={cell} className="goal-accents__updated" />
                {cell.localActions.length > 0 ? (
                  <>
                    <h4 className="visually-hidden">{a.localActions}</h4>
                    <LocalActionList actions={cell.localActions} />
                  </>
                ) : null}
                <p className="goal-accents__link">
                  <Link
                    to={`/accenten/${cell.goalId}/${cell.municipalityId}`}
                    aria-label={mayEdit ? a.editLabel(cell.municipalityName) : a.viewLabel(cell.municipalityName)}
                  >
                    {mayEdit ? a.edit : a.view}
                  </Link>
                </p>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
