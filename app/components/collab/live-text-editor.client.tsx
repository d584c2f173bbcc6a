/**
 * The live editor of a narrative text (a period's chapter text, a yearly report's section):
 * the meeting notes' real-time machinery (useLiveSession, carets, presence, connection
 * state) with a plain text editor — headings, paragraphs, lists, bold and italic — and the
 * notes' formatting buttons. Loaded with React.lazy after hydration, like the notes, so no
 * other page pays for Tiptap and Yjs.
 */
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type ReactNode, useId } from 'react';

import { t } from '../../i18n';
import { ConnectionState, Presence } from '../meetings/notes/notes-presence.client';
import { FormatToggles } from './format-toggles.client';
import { liveCollaboration, liveTextAttributes, useEditableFollowsRights } from './live-editor-parts.client';
import { LiveFallback } from './live-fallback';
import { type LiveSession, type LiveUser, useLiveSession } from './live-session.client';

export type LiveTextEditorProps = {
  documentName: string;
  me: LiveUser;
  mayEdit: boolean;
  /** Shown until the document is connected (the text as stored, rendered on the server). */
  fallback: ReactNode;
  /** The editor's (hidden) heading and the presence list's name. */
  labels: { editor: string; presence: string };
};

export function LiveTextEditor(props: LiveTextEditorProps) {
  const session = useLiveSession(props.documentName, props.me);
  if (!session) return <LiveFallback>{props.fallback}</LiveFallback>;
  return <TextEditor key={session.doc.guid} session={session} {...props} />;
}

function TextEditor({ session, me, mayEdit, labels }: LiveTextEditorProps & { session: LiveSession }) {
  const labelId = useId();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false, // Collaboration brings its own undo, per user.
          heading: { levels: [2, 3] },
          code: false,
          codeBlock: false,
          link: false,
          // Every client would add its own trailing paragraph to the shared document.
          trailingNode: false,
        }),
        ...liveCollaboration(session, me),
      ],
      editable: mayEdit,
      editorProps: { attributes: liveTextAttributes(labelId, mayEdit) },
    },
    [session],
  );

  useEditableFollowsRights(editor, mayEdit, liveTextAttributes(labelId, mayEdit));

  return (
    <div className="notes-live">
      <div className="notes-live__main">
        <h2 id={labelId} className="visually-hidden">
          {labels.editor}
        </h2>
        {editor && mayEdit ? (
          <div className="notes-toolbar" role="group" aria-label={t.notes.toolbar.label}>
            <FormatToggles editor={editor} />
          </div>
        ) : null}
        <EditorContent editor={editor} className="notes-editor" />
      </div>
      <aside className="notes-live__side" aria-label={labels.presence}>
        <ConnectionState provider={session.provider} />
        <Presence provider={session.provider} me={me} heading={labels.presence} />
      </aside>
    </div>
  );
}
