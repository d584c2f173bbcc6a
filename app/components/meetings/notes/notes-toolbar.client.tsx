/**
 * The notes editor's toolbar: three toggles that show whether they are on at the caret
 * (`aria-pressed`), and the buttons that open the action item and decision dialogs.
 */
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

import { t } from '../../../i18n';
import { NOTES_NODES } from '../../../models/meetings/notes/notes-nodes';
import type { ItemDialogKind } from './notes-item-dialogs';

const n = t.notes;

export function Toolbar({
  editor,
  decisionsOpen,
  onOpen,
}: {
  editor: Editor;
  /** False before the meeting has begun: no decisions yet (the server refuses them too). */
  decisionsOpen: boolean;
  onOpen: (dialog: ItemDialogKind) => void;
}) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive(NOTES_NODES.heading),
      bold: e.isActive('bold'),
      bulletList: e.isActive(NOTES_NODES.bulletList),
    }),
  });
  const toggles = [
    {
      key: 'heading',
      label: n.toolbar.heading,
      pressed: active.heading,
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    { key: 'bold', label: n.toolbar.bold, pressed: active.bold, run: () => editor.chain().focus().toggleBold().run() },
    {
      key: 'bulletList',
      label: n.toolbar.bulletList,
      pressed: active.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
  ];
  return (
    <div className="notes-toolbar" role="group" aria-label={n.toolbar.label}>
      {toggles.map((toggle) => (
        <button key={toggle.key} type="button" className="notes-toolbar__button" aria-pressed={toggle.pressed} onClick={toggle.run}>
          {toggle.label}
        </button>
      ))}
      <span className="notes-toolbar__separator" aria-hidden="true" />
      <button type="button" className="notes-toolbar__button" aria-haspopup="dialog" onClick={() => onOpen('actionItem')}>
        {n.toolbar.actionItem}
      </button>
      <button
        type="button"
        className="notes-toolbar__button"
        aria-haspopup="dialog"
        disabled={!decisionsOpen}
        aria-describedby={decisionsOpen ? undefined : 'notes-decisions-closed'}
        onClick={() => onOpen('decision')}
      >
        {n.toolbar.decision}
      </button>
      {decisionsOpen ? null : (
        <span id="notes-decisions-closed" className="muted notes-toolbar__note">
          {n.errors.decisionNotStarted}
        </span>
      )}
    </div>
  );
}
