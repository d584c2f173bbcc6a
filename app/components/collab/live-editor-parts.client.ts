/**
 * What every live text editor (the meeting notes, the chapter texts, the yearly report's
 * sections) sets up the same way: the shared document and the others' carets, the
 * editor's accessible name and state, and rights that change while the page is open.
 */
import type { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { useEffect } from 'react';

import { NOTES_FRAGMENT } from '../../models/meetings/notes/notes-nodes';
import { type LiveSession, type LiveUser, renderCaret } from './live-session.client';

/** The editor bound to the live document, with a caret and name per person typing. */
export function liveCollaboration(session: LiveSession, me: LiveUser) {
  return [
    Collaboration.configure({ document: session.doc, field: NOTES_FRAGMENT }),
    CollaborationCaret.configure({
      provider: session.provider,
      user: { id: me.id, name: me.name, color: me.colour },
      render: renderCaret,
    }),
  ];
}

/** The editable area as a screen reader meets it: a multi-line text box named by `labelId`, read-only without the right to write. */
export function liveTextAttributes(labelId: string, mayEdit: boolean): Record<string, string> {
  return {
    class: 'notes-content notes-editor__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-readonly': mayEdit ? 'false' : 'true',
  };
}

/** Rights can change while the page is open (a period closed, a report adopted in another tab): the editor follows. */
export function useEditableFollowsRights(editor: Editor | null, mayEdit: boolean, attributes: Record<string, string>) {
  useEffect(() => {
    if (!editor || editor.isEditable === mayEdit) return;
    editor.setOptions({ editable: mayEdit, editorProps: { attributes } });
  }, [editor, mayEdit, attributes]);
}
