/**
 * The action items and decisions in the live notes: two block atoms holding only an id
 * (NOTES_NODES in app/models/meetings/notes/notes-nodes.ts), shown as the cards of
 * notes-items.tsx with what the tracker says now. What they show comes from an item store,
 * kept current: fetched from the notes' resource routes when the workspace changes
 * (`koers:changed`), every 10 s, and when an item appears that is not known yet (someone
 * else inserted it).
 */
import { type Editor, mergeAttributes, Node as TiptapNode } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from '@tiptap/react';
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';

import { attrId, NOTES_ATTRS, NOTES_NODES } from '../../../models/meetings/notes/notes-nodes';
import { ActionItemCard, type ActionItemView, DecisionCard, type DecisionView } from './notes-items';

type ItemsState = { actions: Map<number, ActionItemView>; decisions: Map<number, DecisionView> };

export function createItemStore(meetingId: number, initial: { actions: ActionItemView[]; decisions: DecisionView[] }) {
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

export type ItemStore = ReturnType<typeof createItemStore>;

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

/** Keeps the items' statuses live while the editor is open (see the top of this module). */
export function useLiveItems(editor: Editor | null, store: ItemStore) {
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
}

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

/** Configure with `{ store }`: the node views read what they show from it. */
export const ActionItemNode = atomNode(NOTES_NODES.actionItem, NOTES_ATTRS.actionId, 'data-action-id', ActionItemNodeView);
export const DecisionNode = atomNode(NOTES_NODES.decision, NOTES_ATTRS.decisionId, 'data-decision-id', DecisionNodeView);

/**
 * Inserts an action item or decision at the caret and puts the caret in the paragraph
 * after it (adding an empty one when none follows). Tiptap leaves a freshly inserted atom
 * selected, so the next keystroke or the next inserted item would replace it.
 */
export function insertItem(editor: Editor, type: string, attrs: Record<string, unknown>) {
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
