/**
 * The notes editor's toolbar: the formatting toggles every live editor has, and the buttons
 * that open the action item and decision dialogs.
 */
import type { Editor } from '@tiptap/core';

import { t } from '../../../i18n';
import { FormatToggles } from '../../collab/format-toggles.client';
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
  return (
    <div className="notes-toolbar" role="group" aria-label={n.toolbar.label}>
      <FormatToggles editor={editor} />
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
