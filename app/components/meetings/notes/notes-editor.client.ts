/**
 * The notes editor's setup: Tiptap with StarterKit limited to the node contract
 * (app/models/meetings/notes/notes-nodes.ts), the agenda point on headings, the action
 * item and decision atoms, @-mentions, and Yjs collaboration with carets on the shared
 * document of a notes session.
 */
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

import { attrId, NOTES_ATTRS, NOTES_NODES } from '../../../models/meetings/notes/notes-nodes';
import { liveCollaboration, liveTextAttributes, useEditableFollowsRights } from '../../collab/live-editor-parts.client';
import type { LiveSession } from '../../collab/live-session.client';
import { ActionItemNode, DecisionNode, type ItemStore } from './notes-item-nodes.client';
import { notesMention } from './notes-mention.client';
import type { NotesUser } from './notes-presence.client';

/** The shared document of the open notes and its connection to the real-time server. */
export type NotesSession = LiveSession;

const AgendaPointHeadings = Extension.create({
  name: 'agendaPointHeadings',
  addGlobalAttributes() {
    return [
      {
        types: [NOTES_NODES.heading],
        attributes: {
          [NOTES_ATTRS.agendaPointId]: {
            default: null,
            // Splitting a heading must not make a second heading of the same agenda point.
            keepOnSplit: false,
            parseHTML: (element: HTMLElement) => attrId(element.getAttribute('data-agenda-point-id')),
            renderHTML: (attributes: Record<string, unknown>) =>
              attributes[NOTES_ATTRS.agendaPointId] ? { 'data-agenda-point-id': attributes[NOTES_ATTRS.agendaPointId] } : {},
          },
        },
      },
    ];
  },
});

/**
 * Enter in a heading starts a new paragraph below it instead of splitting it: at the end
 * of any heading, and anywhere in an agenda point's heading (its text is the agenda's).
 */
const HeadingEnter = Extension.create({
  name: 'headingEnter',
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== NOTES_NODES.heading) return false;
        const atEnd = $from.parentOffset === $from.parent.content.size;
        const agendaHeading = attrId($from.parent.attrs[NOTES_ATTRS.agendaPointId]) !== null;
        if (!atEnd && !agendaHeading) return false;
        const after = $from.after();
        return editor
          .chain()
          .insertContentAt(after, { type: NOTES_NODES.paragraph })
          .setTextSelection(after + 1)
          .scrollIntoView()
          .run();
      },
    };
  },
});

/** The agenda point whose section holds the caret (the last agenda heading at or before it), or null. */
export function agendaPointAt(state: EditorState): number | null {
  const index = state.selection.$from.index(0);
  for (let i = Math.min(index, state.doc.childCount - 1); i >= 0; i--) {
    const node = state.doc.child(i);
    const id = node.type.name === NOTES_NODES.heading ? attrId(node.attrs[NOTES_ATTRS.agendaPointId]) : null;
    if (id !== null) return id;
  }
  return null;
}

function editorAttributes(labelId: string, mayEdit: boolean): Record<string, string> {
  return {
    ...liveTextAttributes(labelId, mayEdit),
    ...(mayEdit ? { 'aria-autocomplete': 'list', 'aria-describedby': `${labelId}-mention-hint` } : {}),
  };
}

/**
 * The editor of a notes session, labelled by the element `labelId` (whose
 * `${labelId}-mention-hint` explains the @-mentions to writers). It follows `mayEdit`
 * while open: rights can change without a reload (see LiveNotes).
 */
export function useNotesEditor({
  session,
  meetingId,
  me,
  mayEdit,
  labelId,
  store,
  announce,
}: {
  session: NotesSession;
  meetingId: number;
  me: NotesUser;
  mayEdit: boolean;
  labelId: string;
  store: ItemStore;
  /** Says something to screen readers (how many people the @-suggestions found). */
  announce: (text: string) => void;
}) {
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false, // Collaboration brings its own undo, per user.
          heading: { levels: [2, 3] },
          blockquote: false,
          code: false,
          codeBlock: false,
          strike: false,
          underline: false,
          link: false,
          horizontalRule: false,
          // Every client would add its own trailing paragraph to the shared document.
          trailingNode: false,
        }),
        AgendaPointHeadings,
        HeadingEnter,
        ActionItemNode.configure({ store }),
        DecisionNode.configure({ store }),
        notesMention({ meetingId, announce }),
        ...liveCollaboration(session, me),
      ],
      editable: mayEdit,
      editorProps: { attributes: editorAttributes(labelId, mayEdit) },
    },
    [session],
  );

  useEditableFollowsRights(editor, mayEdit, editorAttributes(labelId, mayEdit));

  return editor;
}
