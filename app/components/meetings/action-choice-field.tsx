import { useEffect, useId, useRef, useState } from 'react';

import { t } from '../../i18n';
import { agendaPointLinks as l } from '../../i18n/nl/agenda-point-links';
import { type ActionField, SUGGESTION_LIMIT } from '../../models/meetings/action-choice';
import { TEXT_LIMITS } from '../../schemas/limits';
import { Field } from '../forms/field';

const a = t.meetings.agenda;

/** Wait this long after a keystroke before asking for suggestions (typing on is one request, not many). */
const SUGGEST_DELAY_MS = 150;

/**
 * An agenda point's "Actie": a text field for the code or title of an action of the
 * meeting's period, which the server resolves (decision 035). Where the period has few
 * actions they are all in its list (a native datalist, so this works without JavaScript);
 * where it has many, the list is filled as one types with at most 20 suggestions from
 * /overleggen/<id>/actiekeuze, and a polite status says how many were found.
 */
export function ActionChoiceField({
  meetingId,
  field,
  value,
  error,
}: {
  meetingId: number;
  field: ActionField;
  value: string;
  error?: string;
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
    if (typed.trim() === '') return setSuggestions(null);
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/overleggen/${meetingId}/actiekeuze?q=${encodeURIComponent(typed)}`, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) return;
        const { actions } = (await response.json()) as { actions: string[] };
        if (!controller.signal.aborted) setSuggestions(actions);
      } catch {
        // Aborted by a newer keystroke, or offline: no suggestions; what is typed still counts.
      }
    }, SUGGEST_DELAY_MS);
  };

  const options = field.shortList ?? suggestions ?? [];
  return (
    <Field label={a.pointAction} name="actionChoice" error={error} hint={l.actionHint(field.period)}>
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
            onChange={field.shortList ? undefined : (event) => suggest(event.currentTarget.value)}
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
