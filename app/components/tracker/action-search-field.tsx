import { useEffect, useId, useRef, useState } from 'react';

import { agendaPointLinks as l } from '../../i18n/nl/agenda-point-links';
import { type NamedAction, SUGGESTION_LIMIT } from '../../models/meetings/action-choice';
import { TEXT_LIMITS } from '../../schemas/limits';
import { Field } from '../forms/field';

/** Wait this long after a keystroke before asking for suggestions (typing on is one request, not many). */
const SUGGEST_DELAY_MS = 150;

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
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  const suggest = (typed: string) => {
    clearTimeout(timer.current);
    request.current?.abort();
    // What the text named before no longer counts until the server has read the new text.
    onNamed?.(null);
    if (typed.trim() === '') return setSuggestions(null);
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const status = onNamed ? '&status=1' : '';
        const response = await fetch(`${suggestUrl}?q=${encodeURIComponent(typed)}${status}`, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) return;
        const { actions, named } = (await response.json()) as { actions: string[]; named?: NamedAction | null };
        if (controller.signal.aborted) return;
        setSuggestions(actions);
        onNamed?.(named ?? null);
      } catch {
        // Aborted by a newer keystroke, or offline: no suggestions; what is typed still counts.
      }
    }, SUGGEST_DELAY_MS);
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
