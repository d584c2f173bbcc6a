/**
 * The live notes of a meeting: a Tiptap editor on the Yjs document `meeting.<id>`, synced
 * with the real-time server over y-websocket and kept in the browser with y-indexeddb (so
 * edits made offline survive a reload and merge when the connection returns). Shows who
 * is in the document, each person's caret, and the connection state.
 *
 * The only module that imports the editor and Yjs (about 500 KB): the notes page loads it
 * with React.lazy after hydration, so no other page pays for it.
 */
import { useRevalidator } from '@remix-run/react';
import { type Editor, Extension, mergeAttributes, Node as TiptapNode } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { EditorContent, NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

import { t } from '../../../i18n';
import { RIGHTS_CHANGED_CODES } from '../../../models/collab/close-codes';
import { attrId, NOTES_ATTRS, NOTES_FRAGMENT, NOTES_NODES, notesDocumentName } from '../../../models/meetings/notes/notes-nodes';
import { Field, FormErrorSummary } from '../../forms/field';
import { ActionItemCard, type ActionItemView, DecisionCard, type DecisionView } from './notes-items';
import { notesMention } from './notes-mention.client';

const n = t.notes;

export type NotesUser = { id: number; name: string; colour: string };
export type LiveNotesProps = {
  meetingId: number;
  me: NotesUser;
  mayEdit: boolean;
  actionItems: ActionItemView[];
  decisions: DecisionView[];
  goals: { id: number; code: string; title: string }[];
  users: { id: number; name: string }[];
  actionOptions: { id: number; title: string; goalCode: string }[];
  /** Shown until the document is connected (the notes as stored, rendered on the server). */
  fallback: ReactNode;
};

type Session = { doc: Y.Doc; provider: WebsocketProvider };

export default function LiveNotes(props: LiveNotesProps) {
  const [session, setSession] = useState<Session | null>(null);
  const { meetingId, me } = props;
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  // Created in an effect (StrictMode runs it twice: the first provider is destroyed again).
  useEffect(() => {
    const name = notesDocumentName(meetingId);
    const doc = new Y.Doc();
    // Per user: someone else signing in on this browser does not inherit these edits.
    const local = new IndexeddbPersistence(`koers:${name}:user.${me.id}`, doc);
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
    const provider = new WebsocketProvider(url, name, doc, { connect: false, maxBackoffTime: 5000 });
    provider.awareness.setLocalStateField('user', { id: me.id, name: me.name, color: me.colour });
    // Connect on the next tick: StrictMode's immediate clean-up then never opens a socket it must abort.
    const connecting = window.setTimeout(() => {
      if (navigator.onLine) provider.connect();
    }, 0);
    // y-websocket does not watch the network; without this, a dead socket lingers for 30 s.
    const goOffline = () => provider.disconnect();
    const goOnline = () => provider.connect();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    // The server closes with a named code when this user's rights change (a new role, a
    // deactivated account): the page asks again what they may do, so the editor turns
    // read-only at once instead of accepting text the server drops.
    const onClose = (event: CloseEvent | null) => {
      if (event && RIGHTS_CHANGED_CODES.has(event.code)) revalidate.current();
    };
    provider.on('connection-close', onClose);
    setSession({ doc, provider });
    return () => {
      provider.off('connection-close', onClose);
      window.clearTimeout(connecting);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [meetingId, me.id, me.name, me.colour]);

  if (!session) return <>{props.fallback}</>;
  return <NotesEditor key={session.doc.guid} session={session} {...props} />;
}

// ---------------------------------------------------------------------------------------
// What the action items and decisions in the notes show, kept current: fetched from the
// notes' resource routes when the workspace changes (`koers:changed`), every 10 s, and when
// an item appears that is not known yet (someone else inserted it).

type ItemsState = { actions: Map<number, ActionItemView>; decisions: Map<number, DecisionView> };

function createItemStore(meetingId: number, initial: { actions: ActionItemView[]; decisions: DecisionView[] }) {
  let state: ItemsState = {
    actions: new Map(initial.actions.map((a) => [a.id, a])),
    decisions: new Map(initial.decisions.map((d) => [d.id, d])),
  };
  const listeners = new Set<() => void>();
  const set = (next: Partial<ItemsState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
    putAction(action: ActionItemView) {
      set({ actions: new Map(state.actions).set(action.id, action) });
    },
    putDecision(decision: DecisionView) {
      set({ decisions: new Map(state.decisions).set(decision.id, decision) });
    },
    async refresh(actionIds: number[]) {
      try {
        const [actionsAnswer, decisionsAnswer] = await Promise.all([
          fetch(`/overleggen/${meetingId}/actiepunt?ids=${actionIds.join(',')}`, { headers: { Accept: 'application/json' } }),
          fetch(`/overleggen/${meetingId}/besluit`, { headers: { Accept: 'application/json' } }),
        ]);
        if (!actionsAnswer.ok || !decisionsAnswer.ok) return;
        const { actions } = (await actionsAnswer.json()) as { actions: ActionItemView[] };
        const { decisions } = (await decisionsAnswer.json()) as { decisions: DecisionView[] };
        set({ actions: new Map(actions.map((a) => [a.id, a])), decisions: new Map(decisions.map((d) => [d.id, d])) });
      } catch {
        // Offline: the items keep what they showed; the next refresh tries again.
      }
    },
  };
}

type ItemStore = ReturnType<typeof createItemStore>;

function useItems(store: ItemStore): ItemsState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

function idsInDocument(editor: Editor, type: string, attr: string): number[] {
  const ids: number[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name !== type) return;
    const id = attrId(node.attrs[attr]);
    if (id !== null) ids.push(id);
  });
  return ids;
}

// ---------------------------------------------------------------------------------------
// The schema: StarterKit limited to the node contract (app/models/meetings/notes/notes-nodes.ts), the
// agenda point on headings, and the two atoms.

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

function atomNode(name: string, attr: string, dataAttr: string, view: (props: ReactNodeViewProps) => ReactNode) {
  return TiptapNode.create<{ store: ItemStore | null }>({
    name,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: false,
    addOptions: () => ({ store: null }),
    addAttributes() {
      return {
        [attr]: {
          default: null,
          parseHTML: (element: HTMLElement) => attrId(element.getAttribute(dataAttr)),
          renderHTML: (attributes: Record<string, unknown>) => (attributes[attr] ? { [dataAttr]: attributes[attr] } : {}),
        },
      };
    },
    parseHTML: () => [{ tag: `div[data-notes-node="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes({ 'data-notes-node': name }, HTMLAttributes)],
    addNodeView() {
      return ReactNodeViewRenderer(view);
    },
  });
}

function ActionItemNodeView({ node, extension }: ReactNodeViewProps) {
  const store = (extension.options as { store: ItemStore }).store;
  const { actions } = useItems(store);
  const id = attrId(node.attrs[NOTES_ATTRS.actionId]);
  return (
    <NodeViewWrapper>
      <ActionItemCard actionId={id} action={id === null ? undefined : actions.get(id)} loading={id !== null} />
    </NodeViewWrapper>
  );
}

function DecisionNodeView({ node, extension }: ReactNodeViewProps) {
  const store = (extension.options as { store: ItemStore }).store;
  const { decisions } = useItems(store);
  const id = attrId(node.attrs[NOTES_ATTRS.decisionId]);
  return (
    <NodeViewWrapper>
      <DecisionCard decisionId={id} decision={id === null ? undefined : decisions.get(id)} />
    </NodeViewWrapper>
  );
}

const ActionItemNode = atomNode(NOTES_NODES.actionItem, NOTES_ATTRS.actionId, 'data-action-id', ActionItemNodeView);
const DecisionNode = atomNode(NOTES_NODES.decision, NOTES_ATTRS.decisionId, 'data-decision-id', DecisionNodeView);

/** A remote caret: a coloured bar with the person's name above it; hidden from screen readers (the presence list names everyone). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}

/**
 * Inserts an action item or decision at the caret and puts the caret in the paragraph
 * after it (adding an empty one when none follows). Tiptap leaves a freshly inserted atom
 * selected, so the next keystroke or the next inserted item would replace it.
 */
function insertItem(editor: Editor, type: string, attrs: Record<string, unknown>) {
  editor
    .chain()
    .focus()
    .insertContent({ type, attrs })
    .command(({ tr, state }) => {
      const inserted = tr.selection instanceof NodeSelection && tr.selection.node.type.name === type ? tr.selection : null;
      if (!inserted) return true;
      const after = inserted.to;
      // A following heading is the next agenda point: typing must not land in it.
      if (tr.doc.resolve(after).nodeAfter?.type.name !== NOTES_NODES.paragraph)
        tr.insert(after, state.schema.nodes[NOTES_NODES.paragraph].create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
      return true;
    })
    .run();
}

// ---------------------------------------------------------------------------------------

function editorAttributes(labelId: string, mayEdit: boolean): Record<string, string> {
  return {
    class: 'notes-content notes-editor__content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-readonly': mayEdit ? 'false' : 'true',
    ...(mayEdit ? { 'aria-autocomplete': 'list', 'aria-describedby': `${labelId}-mention-hint` } : {}),
  };
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
  actionOptions,
}: LiveNotesProps & { session: Session }) {
  const [store] = useState(() => createItemStore(meetingId, { actions: actionItems, decisions }));
  const [dialog, setDialog] = useState<'actionItem' | 'decision' | null>(null);
  const labelId = useId();
  // The @-suggestions announce how many people they found here (a live region that is always there).
  const mentionStatus = useRef<HTMLSpanElement>(null);

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
        ActionItemNode.configure({ store }),
        DecisionNode.configure({ store }),
        notesMention({
          meetingId,
          announce: (text) => {
            if (mentionStatus.current) mentionStatus.current.textContent = text;
          },
        }),
        Collaboration.configure({ document: session.doc, field: NOTES_FRAGMENT }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { id: me.id, name: me.name, color: me.colour },
          render: renderCaret,
        }),
      ],
      editable: mayEdit,
      editorProps: { attributes: editorAttributes(labelId, mayEdit) },
    },
    [session],
  );

  // Rights can change while the page is open (see LiveNotes): follow them without a reload.
  useEffect(() => {
    if (!editor || editor.isEditable === mayEdit) return;
    editor.setOptions({ editable: mayEdit, editorProps: { attributes: editorAttributes(labelId, mayEdit) } });
  }, [editor, mayEdit, labelId]);

  // Keep the items' statuses live.
  useEffect(() => {
    if (!editor) return;
    const refresh = () => void store.refresh(idsInDocument(editor, NOTES_NODES.actionItem, NOTES_ATTRS.actionId));
    const onUpdate = () => {
      const { actions, decisions: known } = store.get();
      const unknownAction = idsInDocument(editor, NOTES_NODES.actionItem, NOTES_ATTRS.actionId).some((id) => !actions.has(id));
      const unknownDecision = idsInDocument(editor, NOTES_NODES.decision, NOTES_ATTRS.decisionId).some((id) => !known.has(id));
      if (unknownAction || unknownDecision) refresh();
    };
    window.addEventListener('koers:changed', refresh);
    const timer = window.setInterval(refresh, 10_000);
    editor.on('update', onUpdate);
    onUpdate();
    return () => {
      window.removeEventListener('koers:changed', refresh);
      window.clearInterval(timer);
      editor.off('update', onUpdate);
    };
  }, [editor, store]);

  return (
    <div className="notes-live">
      <div className="notes-live__main">
        <h2 id={labelId} className="visually-hidden">
          {n.editorLabel}
        </h2>
        {mayEdit && editor ? <Toolbar editor={editor} onOpen={setDialog} /> : null}
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
            {(errors) => <ActionItemFields errors={errors} goals={goals} users={users} />}
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
            {(errors) => <DecisionFields errors={errors} goals={goals} actionOptions={actionOptions} />}
          </ItemDialog>
        </>
      ) : null}
    </div>
  );
}

function Toolbar({ editor, onOpen }: { editor: Editor; onOpen: (dialog: 'actionItem' | 'decision') => void }) {
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
      <button type="button" className="notes-toolbar__button" aria-haspopup="dialog" onClick={() => onOpen('decision')}>
        {n.toolbar.decision}
      </button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------
// Presence and connection

type Status = 'connecting' | 'connected' | 'disconnected';

function ConnectionState({ provider }: { provider: WebsocketProvider }) {
  const [status, setStatus] = useState<Status>(provider.wsconnected ? 'connected' : navigator.onLine ? 'connecting' : 'disconnected');
  useEffect(() => {
    const onStatus = ({ status: next }: { status: Status }) => {
      // While y-websocket retries, it reports disconnected between attempts; that is still "reconnecting".
      setStatus(next === 'disconnected' && provider.shouldConnect && navigator.onLine ? 'connecting' : next);
    };
    const onOffline = () => setStatus('disconnected');
    provider.on('status', onStatus);
    window.addEventListener('offline', onOffline);
    return () => {
      provider.off('status', onStatus);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider]);
  const everConnected = useRef(false);
  if (status === 'connected') everConnected.current = true;
  const text =
    status === 'connected'
      ? n.connection.connected
      : status === 'disconnected'
        ? n.connection.disconnected
        : everConnected.current
          ? n.connection.connecting
          : n.connection.firstConnect;
  return (
    <div className={`notes-connection notes-connection--${status}`}>
      <span className="notes-connection__label">{n.connection.label}: </span>
      <span role="status" className="notes-connection__state">
        {text}
      </span>
      {status === 'disconnected' ? <p className="notes-connection__hint">{n.connection.offlineSaved}</p> : null}
    </div>
  );
}

type PresentUser = { id: number; name: string; color: string };

function Presence({ provider, me }: { provider: WebsocketProvider; me: NotesUser }) {
  const [people, setPeople] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    const read = () => {
      const byUser = new Map<number, PresentUser>();
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: Partial<PresentUser> }).user;
        if (!user || typeof user.name !== 'string') continue;
        const id = typeof user.id === 'number' ? user.id : -clientId;
        // One person in two tabs is one person.
        if (!byUser.has(id)) byUser.set(id, { id, name: user.name, color: String(user.color ?? '#3f4f5f') });
      }
      setPeople([...byUser.values()].sort((a, b) => (a.id === me.id ? -1 : b.id === me.id ? 1 : a.name.localeCompare(b.name, 'nl'))));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [provider, me.id]);
  return (
    <section className="notes-presence" aria-labelledby="notes-presence-title">
      <h2 id="notes-presence-title" className="notes-presence__title">
        {n.presence.heading}
      </h2>
      <ul className="notes-presence__list">
        {people.map((person) => (
          <li key={person.id} className="notes-presence__person">
            <span className="notes-presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            {person.id === me.id ? n.presence.you(person.name) : person.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

// ---------------------------------------------------------------------------------------
// The forms for an action item and a decision, in a modal <dialog> (focus kept inside,
// Escape closes, focus returns to the toolbar button).

type FieldErrors = Partial<Record<string, string>>;

function ItemDialog<Answer>({
  open,
  onClose,
  title,
  intro,
  submitLabel,
  action,
  onCreated,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  intro: string;
  submitLabel: string;
  action: string;
  onCreated: (answer: Answer) => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  // Bumped after a refused or failed submit: the disabled submit button lost focus to <body>.
  const [problem, setProblem] = useState(0);

  useEffect(() => {
    if (problem === 0) return;
    // Keyboard and screen-reader users land on the first field to fix, else on the failure message.
    const dialog = ref.current;
    const target =
      dialog?.querySelector<HTMLElement>('[aria-invalid="true"], .notes-dialog__failed') ??
      dialog?.querySelector<HTMLElement>('input, select, textarea');
    target?.focus();
  }, [problem]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      const answer = await fetch(action, {
        method: 'POST',
        body: new FormData(event.currentTarget),
        headers: { Accept: 'application/json' },
      });
      if (answer.status === 400) {
        setErrors(((await answer.json()) as { fieldErrors: FieldErrors }).fieldErrors);
        setProblem((p) => p + 1);
        return;
      }
      if (!answer.ok) throw new Error(String(answer.status));
      const created = (await answer.json()) as Answer;
      setErrors({});
      setFormKey((k) => k + 1);
      // Closed here, before the editor takes focus: closing returns focus to the toolbar button.
      ref.current?.close();
      onCreated(created);
    } catch {
      setFailed(true);
      setProblem((p) => p + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="notes-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      <p className="muted">{intro}</p>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      {failed ? (
        <p className="form-error notes-dialog__failed" role="alert" tabIndex={-1}>
          {n.failed}
        </p>
      ) : null}
      <form key={formKey} method="post" action={action} className="form" noValidate onSubmit={submit}>
        {children(errors)}
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {n.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function GoalOptions({ goals }: { goals: LiveNotesProps['goals'] }) {
  return (
    <>
      {goals.map((goal) => (
        <option key={goal.id} value={goal.id}>
          {goal.code} {goal.title}
        </option>
      ))}
    </>
  );
}

function ActionItemFields({
  errors,
  goals,
  users,
}: {
  errors: FieldErrors;
  goals: LiveNotesProps['goals'];
  users: LiveNotesProps['users'];
}) {
  const a = n.actionItem;
  return (
    <>
      <Field label={a.title} name="title" error={errors.title}>
        {(p) => <input {...p} type="text" required autoComplete="off" />}
      </Field>
      <Field label={a.owner} name="ownerUserId" error={errors.ownerUserId}>
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">{a.none}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={a.deadline} name="deadline" error={errors.deadline} hint={t.actions.deadlineHint}>
        {(p) => <input {...p} type="text" autoComplete="off" />}
      </Field>
      <Field label={a.goal} name="goalId" error={errors.goalId}>
        {(p) => (
          <select {...p} defaultValue="" required>
            <option value="">{t.actions.none}</option>
            <GoalOptions goals={goals} />
          </select>
        )}
      </Field>
    </>
  );
}

function DecisionFields({
  errors,
  goals,
  actionOptions,
}: {
  errors: FieldErrors;
  goals: LiveNotesProps['goals'];
  actionOptions: LiveNotesProps['actionOptions'];
}) {
  const d = n.decision;
  return (
    <>
      <Field label={d.text} name="text" error={errors.text}>
        {(p) => <textarea {...p} rows={3} required />}
      </Field>
      <Field label={d.goal} name="goalId" error={errors.goalId}>
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">{d.none}</option>
            <GoalOptions goals={goals} />
          </select>
        )}
      </Field>
      <Field label={d.action} name="actionId" error={errors.actionId}>
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">{d.none}</option>
            {actionOptions.map((action) => (
              <option key={action.id} value={action.id}>
                {action.goalCode} — {action.title}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
