import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

import { t } from '../../i18n';
import { agendaPointLinks } from '../../i18n/nl/agenda-point-links';
import { libraryActionLinks as l } from '../../i18n/nl/library-action-links';
import type { LibraryActionChoice } from '../../models/library/library-action-choice';
import { SUGGESTION_LIMIT } from '../../models/meetings/action-choice';
import { TEXT_LIMITS } from '../../schemas/limits';
import { useHydrated } from '../../utils/use-hydrated';
import { useSuggestions } from '../../utils/use-suggestions';
import { Field, FieldGroup } from '../forms/field';

const f = t.library.form;

type Chosen = LibraryActionChoice & { checked: boolean };

/**
 * The item form's actions where there are too many for one checkbox each (decision 038):
 * the chosen ones, each a checked checkbox (`actionIds`; unchecking unlinks it), and a text
 * field "Actie koppelen" for one more, by code, "#123" or title, with up to 20 suggestions
 * from /kennisbank/actiekeuze as one types (a native datalist, as ActionChoiceField, decision
 * 035). Without JavaScript the server reads the typed text when the form is saved; with it,
 * picking a suggestion, Enter or "Koppelen" puts the action in the list at once (asking the
 * server what a typed text names), and a polite status says what happened.
 */
export function LibraryActionsField({
  chosen: initial,
  value,
  errors,
}: {
  chosen: LibraryActionChoice[];
  value: string;
  errors: { actionIds?: string; actionChoice?: string };
}) {
  const hydrated = useHydrated();
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen[]>(() => initial.map((c) => ({ ...c, checked: true })));
  const [suggestions, setSuggestions] = useState<LibraryActionChoice[] | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ask = useSuggestions<{ actions: LibraryActionChoice[]; named?: LibraryActionChoice | null; message?: string | null }>();

  // A form shown again after a refused save lists what the server read; a revalidation
  // (a live update) that brings the same ids keeps what was added and unchecked here.
  const initialIds = initial.map((c) => c.id).join(',');
  useEffect(() => setChosen(initial.map((c) => ({ ...c, checked: true }))), [initialIds]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setProblem(null), [errors.actionChoice]);
  const urlOf = (typed: string, named: boolean) => `/kennisbank/actiekeuze?q=${encodeURIComponent(typed)}${named ? '&naam=1' : ''}`;

  const choose = (action: LibraryActionChoice) => {
    const already = chosen.find((c) => c.id === action.id);
    // As a function of the list as it is then: an answer may arrive after a checkbox changed.
    setChosen((list) =>
      list.some((c) => c.id === action.id)
        ? list.map((c) => (c.id === action.id ? { ...c, checked: true } : c))
        : [...list, { ...action, checked: true }],
    );
    setStatus(already?.checked ? l.alreadyChosen(action.label) : l.added(action.label));
    setProblem(null);
    setSuggestions(null);
    if (input.current) input.current.value = '';
  };

  const suggest = (typed: string) => {
    ask.cancel();
    setProblem(null);
    // Picking a suggestion puts its label in the field: that is the choice.
    const picked = suggestions?.find((s) => s.label === typed);
    if (picked) return choose(picked);
    if (typed.trim() === '') return setSuggestions(null);
    ask.later(urlOf(typed, false), ({ actions }) => {
      setSuggestions(actions);
      setStatus(agendaPointLinks.suggestionsFound(actions.length, SUGGESTION_LIMIT));
    });
  };

  const add = async () => {
    const typed = input.current?.value.trim() ?? '';
    if (typed === '') return;
    const picked = suggestions?.find((s) => s.label === typed);
    if (picked) return choose(picked);
    // No answer (offline, overtaken): the text stays, and the server reads it when the form is saved.
    const answer = await ask.now(urlOf(typed, true));
    if (!answer) return;
    if (answer.named) return choose(answer.named);
    setProblem(answer.message ?? null);
    setStatus(answer.message ?? '');
  };

  // With JavaScript, Enter in the field adds the action instead of saving the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };

  return (
    <FieldGroup
      legend={f.actions}
      hint={chosen.length > 0 ? l.chosenHint : undefined}
      error={errors.actionIds}
      className="field library-form__choices library-actions"
    >
      {chosen.length === 0 ? (
        <p className="muted">{l.chosenNone}</p>
      ) : (
        <ul className="library-actions__chosen">
          {chosen.map((action) => (
            <li key={action.id}>
              <label>
                <input
                  type="checkbox"
                  name="actionIds"
                  value={action.id}
                  checked={action.checked}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    setChosen((list) => list.map((c) => (c.id === action.id ? { ...c, checked } : c)));
                  }}
                />
                <span>{action.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <Field label={l.addLabel} name="actionChoice" error={problem ?? errors.actionChoice} hint={l.addHint('1.3.a-A1')}>
        {(control) => (
          <div className="library-actions__add">
            <input
              {...control}
              ref={input}
              type="text"
              list={listId}
              autoComplete="off"
              spellCheck={false}
              maxLength={TEXT_LIMITS.title}
              defaultValue={value}
              onChange={(event) => suggest(event.currentTarget.value)}
              onKeyDown={hydrated ? onKeyDown : undefined}
            />
            {hydrated ? (
              <button type="button" className="button button--secondary" onClick={() => void add()}>
                {l.addButton}
              </button>
            ) : null}
            <datalist id={listId}>
              {(suggestions ?? []).map((s) => (
                <option key={s.id} value={s.label} />
              ))}
            </datalist>
            <span className="visually-hidden" role="status">
              {status}
            </span>
          </div>
        )}
      </Field>
    </FieldGroup>
  );
}
