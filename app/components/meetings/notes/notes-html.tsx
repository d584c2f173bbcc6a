/**
 * The notes as plain HTML from their stored ProseMirror JSON: what the page shows without
 * JavaScript, and until the live editor has loaded. Follows the node contract of
 * app/models/meetings/notes/notes-nodes.ts; unknown nodes show their content.
 */
import type { ReactNode } from 'react';

import { t } from '../../../i18n';
import type { PMNode } from '../../../models/collab/compaction';
import { attrId, mentionText, NOTES_ATTRS, NOTES_MARKS, NOTES_NODES } from '../../../models/meetings/notes/notes-nodes';
import { ActionItemCard, type ActionItemView, DecisionCard, type DecisionView } from './notes-items';

type Lookup = { actions: Map<number, ActionItemView>; decisions: Map<number, DecisionView> };

export function NotesHtml({ doc, actions, decisions }: { doc: PMNode; actions: ActionItemView[]; decisions: DecisionView[] }) {
  const content = doc.content ?? [];
  if (content.length === 0) return <p className="muted">{t.notes.empty}</p>;
  const lookup: Lookup = { actions: new Map(actions.map((a) => [a.id, a])), decisions: new Map(decisions.map((d) => [d.id, d])) };
  return <div className="notes-content notes-content--static">{renderNodes(content, lookup)}</div>;
}

function renderNodes(nodes: PMNode[], lookup: Lookup): ReactNode[] {
  return nodes.map((node, index) => renderNode(node, index, lookup));
}

function renderNode(node: PMNode, key: number, lookup: Lookup): ReactNode {
  const children = renderNodes(node.content ?? [], lookup);
  switch (node.type) {
    case 'text':
      return <Marked key={key} node={node} />;
    case NOTES_NODES.heading: {
      // The page's h1 is the meeting; notes headings are h2–h4.
      const level = Math.min(4, Math.max(2, Number(node.attrs?.[NOTES_ATTRS.level]) || 2));
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
      const pointId = attrId(node.attrs?.[NOTES_ATTRS.agendaPointId]);
      return (
        <Tag key={key} data-agenda-point-id={pointId ?? undefined}>
          {children}
        </Tag>
      );
    }
    case NOTES_NODES.paragraph:
      return <p key={key}>{children}</p>;
    case NOTES_NODES.bulletList:
      return <ul key={key}>{children}</ul>;
    case NOTES_NODES.orderedList:
      return <ol key={key}>{children}</ol>;
    case NOTES_NODES.listItem:
      return <li key={key}>{children}</li>;
    case NOTES_NODES.hardBreak:
      return <br key={key} />;
    case NOTES_NODES.mention:
      return (
        <span key={key} className="mention notes-mention">
          {mentionText(node.attrs)}
        </span>
      );
    case NOTES_NODES.actionItem: {
      const id = attrId(node.attrs?.[NOTES_ATTRS.actionId]);
      return <ActionItemCard key={key} actionId={id} action={id === null ? undefined : lookup.actions.get(id)} />;
    }
    case NOTES_NODES.decision: {
      const id = attrId(node.attrs?.[NOTES_ATTRS.decisionId]);
      return <DecisionCard key={key} decisionId={id} decision={id === null ? undefined : lookup.decisions.get(id)} />;
    }
    default:
      return <div key={key}>{children}</div>;
  }
}

function Marked({ node }: { node: PMNode }) {
  let out: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === NOTES_MARKS.bold) out = <strong>{out}</strong>;
    else if (mark.type === NOTES_MARKS.italic) out = <em>{out}</em>;
  }
  return <>{out}</>;
}
