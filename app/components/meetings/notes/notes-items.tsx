/**
 * How an action item and a decision in the notes look: shared by the live editor's node
 * views and the read-only notes (no JavaScript). No editor imports here.
 */
import { t } from '../../../i18n';
import type { DecisionRow } from '../../../models/meetings/decision.server';
import type { ActionItemStatus } from '../../../models/meetings/notes/notes-item.server';
import { DeadlineText, StatusBadge } from '../../tracker/action-bits';
import { OwnerText } from '../../tracker/owner-text';

export type ActionItemView = ActionItemStatus;
export type DecisionView = Pick<DecisionRow, 'id' | 'text' | 'goalId' | 'goalCode' | 'goalTitle' | 'actionId' | 'actionTitle'>;

const n = t.notes;

/** `loading`: the live editor has not fetched the action yet (otherwise a missing action no longer exists). */
export function ActionItemCard({
  actionId,
  action,
  loading = false,
}: {
  actionId: number | null;
  action: ActionItemView | undefined;
  loading?: boolean;
}) {
  return (
    <div className="notes-item notes-item--action" data-action-id={actionId ?? undefined}>
      <span className="notes-item__label">{n.actionItem.label}</span>
      {action ? (
        <span className="notes-item__body">
          <a href={`/acties/${action.id}`} className="notes-item__title">
            {action.title}
          </a>
          <span className="notes-item__meta">
            <StatusBadge status={action.status} />
            <span>
              <OwnerText person={action.ownerUserName} organisation={action.ownerOrganisationName} />
            </span>
            <DeadlineText phrase={action.deadlinePhrase} start={action.deadlineStart} end={action.deadlineEnd} />
          </span>
        </span>
      ) : (
        <span className="notes-item__body muted">{loading ? n.actionItem.loading : n.actionItem.unknown}</span>
      )}
    </div>
  );
}

export function DecisionCard({ decisionId, decision }: { decisionId: number | null; decision: DecisionView | undefined }) {
  return (
    <div className="notes-item notes-item--decision" data-decision-id={decisionId ?? undefined}>
      <span className="notes-item__label">{n.decision.label}</span>
      {decision ? (
        <span className="notes-item__body">
          <span className="notes-item__title">{decision.text}</span>
          {decision.goalId || decision.actionId ? (
            <span className="notes-item__meta">
              {decision.goalId ? (
                <a href={`/doelen/${decision.goalId}`}>
                  {t.decisions.goal} {decision.goalCode}
                </a>
              ) : null}
              {decision.actionId ? (
                <a href={`/acties/${decision.actionId}`}>
                  {t.decisions.action}: {decision.actionTitle}
                </a>
              ) : null}
            </span>
          ) : null}
        </span>
      ) : (
        <span className="notes-item__body muted">{n.decision.unknown}</span>
      )}
    </div>
  );
}
