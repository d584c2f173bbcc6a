import { type KeyboardEvent, type TextareaHTMLAttributes, useEffect, useId, useRef, useState } from 'react';

import { t } from '../../i18n';
import { mentionQueryAt } from '../../models/comments/mention';

const m = t.notifications.mention;

type Person = { id: number; name: string; organisation: string };
type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onKeyDown' | 'onInput' | 'onBlur' | 'role'>;

/**
 * A comment field that suggests people while `@Naam` is typed (the ARIA combobox
 * pattern): arrows move through the suggestions, Enter or Tab picks one, Escape closes
 * the list. The picked name is written into the text as `@Voornaam Achternaam`, which the
 * server resolves. Before the page is hydrated (or without JavaScript) it is a plain
 * textarea, and typing the name by hand works the same.
 */
export function MentionTextarea(props: Props) {
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const query = useRef<{ start: number; query: string } | null>(null);
  const request = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    setHydrated(true);
    return () => {
      clearTimeout(timer.current);
      request.current?.abort();
    };
  }, []);

  const close = () => {
    setOpen(false);
    setPeople([]);
    query.current = null;
  };

  const lookUp = () => {
    const el = ref.current;
    if (!el || el.selectionStart !== el.selectionEnd) return close();
    const found = mentionQueryAt(el.value, el.selectionStart);
    if (!found) return close();
    if (query.current && query.current.start === found.start && query.current.query === found.query) return;
    query.current = found;
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/personen?q=${encodeURIComponent(found.query)}`, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        });
        if (!response.ok) return close();
        const { people: list } = (await response.json()) as { people: Person[] };
        if (query.current !== found) return;
        setPeople(list);
        setActive(0);
        setOpen(list.length > 0);
      } catch {
        // Aborted by a newer keystroke, or offline: no suggestions, typing goes on.
      }
    }, 120);
  };

  const pick = (person: Person) => {
    const el = ref.current;
    const found = query.current;
    if (!el || !found) return;
    el.setRangeText(`@${person.name} `, found.start, el.selectionStart, 'end');
    el.focus();
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || people.length === 0) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((i) => (i + 1) % people.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => (i - 1 + people.length) % people.length);
        break;
      case 'Enter':
      case 'Tab':
        event.preventDefault();
        pick(people[active]);
        break;
      case 'Escape':
        // Closes the list only, not a surrounding disclosure or dialog.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const combobox = hydrated
    ? {
        role: 'combobox' as const,
        'aria-autocomplete': 'list' as const,
        'aria-expanded': open,
        'aria-controls': listId,
        'aria-activedescendant': open ? optionId(active) : undefined,
      }
    : {};

  return (
    <div className="mention-field">
      <textarea
        {...props}
        {...combobox}
        ref={ref}
        onKeyDown={onKeyDown}
        onInput={lookUp}
        onClick={lookUp}
        onKeyUp={(event) => {
          if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') lookUp();
        }}
        onBlur={() => setTimeout(close, 150)}
      />
      {hydrated ? (
        <>
          <ul id={listId} role="listbox" aria-label={m.suggestionsLabel} className="mention-suggestions" hidden={!open}>
            {people.map((person, i) => (
              <li
                key={person.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={`mention-suggestions__option${i === active ? ' mention-suggestions__option--active' : ''}`}
                // mousedown, not click: the textarea must keep focus and caret.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
              >
                {person.name} <span className="muted">({person.organisation})</span>
              </li>
            ))}
          </ul>
          <span className="visually-hidden" role="status">
            {open ? m.count(people.length) : ''}
          </span>
        </>
      ) : null}
    </div>
  );
}
