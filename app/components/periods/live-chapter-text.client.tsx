/**
 * The live editor of an agenda chapter's narrative text (`agenda-chapter.<theme id>`): the
 * shared live text editor on the chapter's document. Loaded with React.lazy after hydration.
 */
import type { ReactNode } from 'react';

import { t } from '../../i18n';
import { chapterDocumentName } from '../../models/periods/chapter-text';
import type { LiveUser } from '../collab/live-session.client';
import { LiveTextEditor } from '../collab/live-text-editor.client';

const c = t.periods.chapterText;

export type LiveChapterTextProps = {
  themeId: number;
  me: LiveUser;
  mayEdit: boolean;
  /** Shown until the document is connected (the text as stored, rendered on the server). */
  fallback: ReactNode;
};

export default function LiveChapterText({ themeId, ...props }: LiveChapterTextProps) {
  return (
    <LiveTextEditor
      documentName={chapterDocumentName(themeId)}
      labels={{ editor: c.editorLabel, presence: c.presenceHeading }}
      {...props}
    />
  );
}
