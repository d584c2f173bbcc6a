import { useId, useState } from 'react';

import { t } from '../../i18n';
import { agendaPointLinks as l } from '../../i18n/nl/agenda-point-links';
import { type ActionField, type NamedAction, SUGGESTION_LIMIT } from '../../models/meetings/action-choice';
import { TEXT_LIMITS } from '../../schemas/limits';
import { useSuggestions } from '../../utils/use-suggestions';
import { Field } from '../forms/field';

const a = t.meetings.agenda;

/**
 * An agenda point's "Actie": a text field for the code or title of an action of the
 * meeting's period, which the server resolves (decision 035). Where the period has few
 * actions they are all in its list (a native datalist, so this works without JavaScript);
 * where it has many, the list is filled as one types with at most 20 suggestions from
 * /overleggen/<id>/actiekeuze, and a polite status says how many were found.
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
  const listId = useId();
  const [suggestions, setSuggestions] = useState<string[] | null>(null);
  const ask = useSuggestions<{ actions: string[]; named?: NamedAction | null }>();

  const suggest = (typed: string) => {
    ask.cancel();
    // What the text named before no longer counts until the server has read the new text.
    onNamed?.(null);
    if (typed.trim() === '') return setSuggestions(null);
    const status = onNamed ? '&status=1' : '';
    ask.later(`/overleggen/${meetingId}/actiekeuze?q=${encodeURIComponent(typed)}${status}`, ({ actions, named }) => {
      setSuggestions(actions);
      onNamed?.(named ?? null);
    });
  };

  const options = field.shortList ?? suggestions ?? [];
  return (
    <Field label={label} name="actionChoice" error={error} hint={l.actionHint(field.period)}>
      {(control) => (
        <>
          <input
            {...control}
            type="text"
            list={listId}
            autoComplete="off"
            spellCheck={false}
            maxLength={TEXT_LIMITS.title}
            defaultValue={value}
            onChange={field.shortList && !onNamed ? undefined : (event) => suggest(event.currentTarget.value)}
          />
          <datalist id={listId}>
            {options.map((label) => (
              <option key={label} value={label} />
            ))}
          </datalist>
          {field.shortList ? null : (
            <span className="visually-hidden" role="status">
              {suggestions ? l.suggestionsFound(suggestions.length, SUGGESTION_LIMIT) : ''}
            </span>
          )}
        </>
      )}
    </Field>
  );
}
