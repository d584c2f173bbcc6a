import { t } from '../../i18n';
import { agendaPointLinks as l } from '../../i18n/nl/agenda-point-links';
import type { ActionField, NamedAction } from '../../models/meetings/action-choice';
import { ActionSearchField } from '../tracker/action-search-field';

const a = t.meetings.agenda;

/**
 * An agenda point's "Actie": a text field for the code or title of an action of the
 * meeting's period, which the server resolves (decision 035), with the period's actions
 * in its list where there are few and suggestions from /overleggen/<id>/actiekeuze where
 * there are many (ActionSearchField).
 *
 * With `onNamed` (the decision dialog in the notes, decision 037) it also asks, as one
 * types or picks, which action the text names, its status and whether this person may
 * change it, even where the period's actions are all in the list; null until it names one.
 */
export function ActionChoiceField({
  meetingId,
  field,
  value,
  error,
  label = a.pointAction,
  onNamed,
}: {
  meetingId: number;
  field: ActionField;
  value: string;
  error?: string;
  label?: string;
  onNamed?: (named: NamedAction | null) => void;
}) {
  return (
    <ActionSearchField
      name="actionChoice"
      label={label}
      hint={l.actionHint(field.period)}
      suggestUrl={`/overleggen/${meetingId}/actiekeuze`}
      shortList={field.shortList}
      value={value}
      error={error}
      onNamed={onNamed}
    />
  );
}
