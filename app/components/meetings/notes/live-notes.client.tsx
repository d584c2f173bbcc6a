/**
 * The live notes of a meeting: a Tiptap editor on the real-time document `meeting.<id>`
 * (opened by useLiveSession: synced with the server, kept in the browser while offline).
 * Shows who is in the document, each person's caret, and the connection state.
 *
 * The entry of the editor chunk: the notes page loads it with React.lazy after hydration,
 * so no other page pays for the editor and Yjs (about 500 KB). Its parts: the editor setup
 * (notes-editor.client.ts), the action item and decision nodes (notes-item-nodes.client.tsx),
 * the toolbar, presence and connection state, and the item dialogs.
 */
import { EditorContent } from '@tiptap/react';
import { type ReactNode, useId, useRef, useState } from 'react';

import { t } from '../../../i18n';
import type { ActionField } from '../../../models/meetings/action-choice';
import { NOTES_ATTRS, NOTES_NODES, notesDocumentName } from '../../../models/meetings/notes/notes-nodes';
import { LiveFallback } from '../../collab/live-fallback';
import { useLiveSession } from '../../collab/live-session.client';
import { agendaPointAt, type NotesSession, useNotesEditor } from './notes-editor.client';
import {
  ActionItemFields,
  DecisionFields,
  type GoalOption,
  ItemDialog,
  type ItemDialogKind,
  type OrganisationOption,
  type UserOption,
} from './notes-item-dialogs';
import { createItemStore, insertItem, useLiveItems } from './notes-item-nodes.client';
import type { ActionItemView, DecisionView } from './notes-items';
import { ConnectionState, type NotesUser, Presence } from './notes-presence.client';
import { Toolbar } from './notes-toolbar.client';

const n = t.notes;

export type LiveNotesProps = {
  meetingId: number;
  me: NotesUser;
  mayEdit: boolean;
  actionItems: ActionItemView[];
  decisions: DecisionView[];
  goals: GoalOption[];
  users: UserOption[];
  organisations: OrganisationOption[];
  /** Agenda point id → the goal it is about: the action item dialog's default goal. */
  pointGoals: Record<number, number>;
  /** Has the meeting begun? Decisions are recorded only from then on. */
  decisionsOpen: boolean;
  /** What the decision dialog's action field offers; null for those who only read (no dialogs). */
  actionField: ActionField | null;
  /** Shown until the document is connected (the notes as stored, rendered on the server). */
  fallback: ReactNode;
};

export default function LiveNotes(props: LiveNotesProps) {
  const session = useLiveSession(notesDocumentName(props.meetingId), props.me);
  if (!session) return <LiveFallback>{props.fallback}</LiveFallback>;
  return <NotesEditor key={session.doc.guid} session={session} {...props} />;
}

function NotesEditor({
  session,
  meetingId,
  me,
  mayEdit,
  actionItems,
  decisions,
  goals,
  users,
  organisations,
  pointGoals,
  decisionsOpen,
  actionField,
}: LiveNotesProps & { session: NotesSession }) {
  const [store] = useState(() => createItemStore(meetingId, { actions: actionItems, decisions }));
  const [dialog, setDialog] = useState<ItemDialogKind | null>(null);
  // The goal of the agenda point the caret is under when the action item dialog opens.
  const [defaultGoal, setDefaultGoal] = useState<number | null>(null);
  const labelId = useId();
  // The @-suggestions announce how many people they found here (a live region that is always there).
  const mentionStatus = useRef<HTMLSpanElement>(null);
  const editor = useNotesEditor({
    session,
    meetingId,
    me,
    mayEdit,
    labelId,
    store,
    announce: (text) => {
      if (mentionStatus.current) mentionStatus.current.textContent = text;
    },
  });
  useLiveItems(editor, store);

  return (
    <div className="notes-live">
      <div className="notes-live__main">
        <h2 id={labelId} className="visually-hidden">
          {n.editorLabel}
        </h2>
        {mayEdit && editor ? (
          <Toolbar
            editor={editor}
            decisionsOpen={decisionsOpen}
            onOpen={(kind) => {
              if (kind === 'actionItem') {
                const point = agendaPointAt(editor.state);
                setDefaultGoal(point === null ? null : (pointGoals[point] ?? null));
              }
              setDialog(kind);
            }}
          />
        ) : null}
        <EditorContent editor={editor} className="notes-editor" />
        {mayEdit ? (
          <p id={`${labelId}-mention-hint`} className="muted notes-mention-hint">
            {t.notifications.mention.hint}
          </p>
        ) : null}
        <span ref={mentionStatus} className="visually-hidden" role="status" />
      </div>
      <aside className="notes-live__side" aria-label={n.presence.heading}>
        <ConnectionState provider={session.provider} />
        <Presence provider={session.provider} me={me} />
      </aside>
      {mayEdit && editor ? (
        <>
          <ItemDialog
            open={dialog === 'actionItem'}
            onClose={() => setDialog(null)}
            title={n.actionItem.dialogTitle}
            intro={n.actionItem.dialogIntro}
            submitLabel={n.actionItem.submit}
            action={`/overleggen/${meetingId}/actiepunt`}
            onCreated={(answer: { actionId: number; action?: ActionItemView }) => {
              if (answer.action) store.putAction(answer.action);
              insertItem(editor, NOTES_NODES.actionItem, { [NOTES_ATTRS.actionId]: answer.actionId });
            }}
          >
            {(errors) => (
              <ActionItemFields errors={errors} goals={goals} users={users} organisations={organisations} defaultGoal={defaultGoal} />
            )}
          </ItemDialog>
          <ItemDialog
            open={dialog === 'decision'}
            onClose={() => setDialog(null)}
            title={n.decision.dialogTitle}
            intro={n.decision.dialogIntro}
            submitLabel={n.decision.submit}
            action={`/overleggen/${meetingId}/besluit`}
            onCreated={(answer: { decisionId: number; decision?: DecisionView }) => {
              if (answer.decision) store.putDecision(answer.decision);
              insertItem(editor, NOTES_NODES.decision, { [NOTES_ATTRS.decisionId]: answer.decisionId });
            }}
          >
            {(errors) =>
              actionField ? <DecisionFields errors={errors} goals={goals} meetingId={meetingId} actionField={actionField} /> : null
            }
          </ItemDialog>
        </>
      ) : null}
    </div>
  );
}
