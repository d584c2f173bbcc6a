/**
 * The formatting buttons of every live text editor (meeting notes, chapter texts): heading,
 * bold, list. Each is a toggle that shows whether it is on at the caret (`aria-pressed`).
 * Keyboard users have the same through Tiptap's shortcuts; the buttons make them findable.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

import { t } from '../../i18n';
import { NOTES_NODES } from '../../models/meetings/notes/notes-nodes';

const labels = t.notes.toolbar;

export function FormatToggles({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive(NOTES_NODES.heading),
      bold: e.isActive('bold'),
      bulletList: e.isActive(NOTES_NODES.bulletList),
    }),
  });
  const toggles = [
    { key: 'heading', label: labels.heading, pressed: active.heading, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run() },
    { key: 'bold', label: labels.bold, pressed: active.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'bulletList', label: labels.bulletList, pressed: active.bulletList, run: () => editor.chain().focus().toggleBulletList().run() },
  ];
  return (
    <>
      {toggles.map((toggle) => (
        <button
          key={toggle.key}
          type="button"
          className="notes-toolbar__button"
          aria-pressed={toggle.pressed}
          // A click keeps the caret in the text (as in any word processor): the button does
          // not take the focus, so what is typed next goes into the text at once, not to
          // the button until the editor takes the focus back a frame later. By keyboard the
          // button has the focus and the command returns it to the text.
          onMouseDown={(event) => event.preventDefault()}
          onClick={toggle.run}
        >
          {toggle.label}
        </button>
      ))}
    </>
  );
}
