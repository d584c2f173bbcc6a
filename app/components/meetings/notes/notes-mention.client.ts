/**
 * `@Naam` in the live notes: Tiptap's Mention node (an inline atom, attrs `id` and
 * `label`, see NOTES_NODES.mention) with suggestions of people from `/personen?q=` in a
 * small listbox at the caret. The editor stays focused: arrows move through the
 * suggestions (announced through `aria-activedescendant`), Enter or Tab picks one,
 * Escape closes the list. Picking a person inserts the mention and reports it to
 * `/overleggen/:id/vermelding`, which notifies that person (once per meeting).
 *
 * Imported only by the lazily loaded editor module (it brings Tiptap along).
 */
import Mention, { type MentionNodeAttrs } from '@tiptap/extension-mention';
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion';

import { t } from '../../../i18n';
import { attrId, NOTES_ATTRS, NOTES_NODES } from '../../../models/meetings/notes/notes-nodes';

const m = t.notifications.mention;

type Person = { id: number; name: string; organisation: string };
/** What a pick hands to the insert command (Tiptap's mention attrs carry the id as a string). */
type Picked = MentionNodeAttrs;

/** The query sent to /personen is cut here (the route ignores anything longer anyway). */
const MAX_QUERY = 40;

async function findPeople(query: string, signal: AbortSignal): Promise<Person[]> {
  const answer = await fetch(`/personen?q=${encodeURIComponent(query.slice(0, MAX_QUERY))}`, {
    signal,
    headers: { Accept: 'application/json' },
  });
  if (!answer.ok) return [];
  return ((await answer.json()) as { people: Person[] }).people;
}

/** Tells the server who was mentioned; offline or refused, the mention stays in the notes all the same. */
function reportMention(meetingId: number, userId: number) {
  const body = new FormData();
  body.set('userId', String(userId));
  void fetch(`/overleggen/${meetingId}/vermelding`, { method: 'POST', body, headers: { Accept: 'application/json' } }).catch(
    () => undefined,
  );
}

let popups = 0;

/**
 * The suggestion popup, plain DOM: a listbox mounted at the caret by the suggestion
 * plugin (which also positions it), and the editor's combobox-like ARIA state.
 */
function suggestionPopup(announce: (text: string) => void) {
  const listId = `notes-mention-list-${++popups}`;
  let list: HTMLUListElement | null = null;
  let unmount: (() => void) | null = null;
  let props: SuggestionProps<Person, Picked> | null = null;
  let active = 0;

  const editorDom = () => props?.editor.view.dom;
  const optionId = (i: number) => `${listId}-option-${i}`;

  function pick(index: number) {
    const person = props?.items[index];
    if (person) props!.command({ id: String(person.id), label: person.name });
  }

  function draw() {
    if (!list || !props) return;
    const people = props.items;
    list.replaceChildren(
      ...people.map((person, i) => {
        const option = document.createElement('li');
        option.id = optionId(i);
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', String(i === active));
        option.className = `mention-suggestions__option${i === active ? ' mention-suggestions__option--active' : ''}`;
        option.append(person.name, ' ');
        const organisation = document.createElement('span');
        organisation.className = 'muted';
        organisation.textContent = `(${person.organisation})`;
        option.append(organisation);
        // mousedown, not click: the editor keeps focus and caret.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return option;
      }),
    );
    const open = people.length > 0;
    list.hidden = !open;
    const dom = editorDom();
    if (dom) {
      dom.setAttribute('aria-controls', listId);
      if (open) dom.setAttribute('aria-activedescendant', optionId(active));
      else dom.removeAttribute('aria-activedescendant');
    }
  }

  function update(next: SuggestionProps<Person, Picked>) {
    const itemsChanged = next.items !== props?.items;
    props = next;
    if (itemsChanged) {
      active = 0;
      if (!next.loading) announce(next.items.length > 0 ? m.count(next.items.length) : next.query ? m.noMatch : '');
    }
    draw();
  }

  return {
    onStart(next: SuggestionProps<Person, Picked>) {
      list = document.createElement('ul');
      list.id = listId;
      list.setAttribute('role', 'listbox');
      list.setAttribute('aria-label', m.suggestionsLabel);
      list.className = 'mention-suggestions notes-mention-suggestions';
      list.hidden = true;
      unmount = next.mount(list);
      update(next);
    },
    onUpdate: update,
    onKeyDown({ event }: SuggestionKeyDownProps): boolean {
      const people = props?.items ?? [];
      if (people.length === 0) return false;
      switch (event.key) {
        case 'ArrowDown':
          active = (active + 1) % people.length;
          draw();
          return true;
        case 'ArrowUp':
          active = (active - 1 + people.length) % people.length;
          draw();
          return true;
        case 'Enter':
        case 'Tab':
          pick(active);
          return true;
        default:
          return false;
      }
    },
    onExit() {
      const dom = editorDom();
      dom?.removeAttribute('aria-activedescendant');
      dom?.removeAttribute('aria-controls');
      unmount?.();
      list?.remove();
      list = null;
      unmount = null;
      props = null;
      announce('');
    },
  };
}

/** The mention node of the notes, suggesting people and reporting each pick for `meetingId`. */
export function notesMention({ meetingId, announce }: { meetingId: number; announce: (text: string) => void }) {
  return Mention.extend({ name: NOTES_NODES.mention }).configure({
    HTMLAttributes: { class: 'mention notes-mention' },
    suggestion: {
      char: '@',
      // Full names have spaces: "@Anouk de V" still looks for Anouk de Vries.
      allowSpaces: true,
      debounce: 120,
      items: async ({ query, signal }) => {
        try {
          return await findPeople(query, signal);
        } catch {
          return []; // Aborted by the next keystroke, or offline.
        }
      },
      // Only where a mention may stand, and only for someone writing (readers see no suggestions).
      allow: ({ editor, state, range }) =>
        editor.isEditable && !!state.doc.resolve(range.from).parent.type.contentMatch.matchType(state.schema.nodes[NOTES_NODES.mention]),
      command: ({ editor, range, props: picked }) => {
        const userId = attrId(picked.id);
        if (userId === null) return;
        editor
          .chain()
          .focus()
          .insertContentAt(range, [
            { type: NOTES_NODES.mention, attrs: { [NOTES_ATTRS.mentionId]: userId, [NOTES_ATTRS.mentionLabel]: picked.label } },
            { type: 'text', text: ' ' },
          ])
          .run();
        reportMention(meetingId, userId);
      },
      render: () => suggestionPopup(announce),
    },
  });
}
