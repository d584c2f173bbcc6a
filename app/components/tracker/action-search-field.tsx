import { useId, useState } from 'react';

import { agendaPointLinks as l } from '../../i18n/nl/agenda-point-links';
import { type NamedAction, SUGGESTION_LIMIT } from '../../models/meetings/action-choice';
import { TEXT_LIMITS } from '../../schemas/limits';
import { useSuggestions } from '../../utils/use-suggestions';
import { Field } from '../forms/field';

/**
 * A text field that names one action of a period by its code, #number or title, which the
 * server resolves (decision 035). With `shortList` (a period with few actions) every
 * action is in its list (a native datalist, so this works without JavaScript); without,
 * the list is filled as one types with at most 20 suggestions from `suggestUrl?q=…`, and a
 * polite status says how many were found. Used by an agenda point's "Actie", the notes'
 * decision dialog (decision 037) and the exceptions when closing a period (decision 039).
 *
 * With `onNamed` it also asks (`&status=1`), as one types or picks, which action the text
 * names, even where all actions are in the list; null until it names one.
 */
export function ActionSearchField({
  name,
  label,
  hint,
  suggestUrl,
  shortList,
  value,
  error,
  onNamed,
}: {
  name: string;
  label: string;
  hint: string;
  suggestUrl: string;
  shortList: string[] | null;
  value: string;
  error?: string;
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
    ask.later(`${suggestUrl}?q=${encodeURIComponent(typed)}${status}`, ({ actions, named }) => {
      setSuggestions(actions);
      onNamed?.(named ?? null);
    });
  };

  const options = shortList ?? suggestions ?? [];
  return (
    <Field label={label} name={name} error={error} hint={hint}>
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
            onChange={shortList && !onNamed ? undefined : (event) => suggest(event.currentTarget.value)}
          />
          <datalist id={listId}>
            {options.map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
          {shortList ? null : (
            <span className="visually-hidden" role="status">
              {suggestions ? l.suggestionsFound(suggestions.length, SUGGESTION_LIMIT) : ''}
            </span>
          )}
        </>
      )}
    </Field>
  );
}
