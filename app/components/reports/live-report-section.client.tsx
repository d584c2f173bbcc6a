/**
 * The live editor of a yearly report's narrative section (`year-report-section.<id>`): the
 * shared live text editor on the section's document. Loaded with React.lazy after hydration.
 */
import { reports as reportsText } from '../../i18n/nl/reports';
import { LiveTextEditor, type LiveTextEditorProps } from '../collab/live-text-editor.client';

const c = reportsText.section;

export type LiveReportSectionProps = Omit<LiveTextEditorProps, 'labels'>;

export default function LiveReportSection(props: LiveReportSectionProps) {
  return <LiveTextEditor labels={{ editor: c.editorLabel, presence: c.presenceHeading }} {...props} />;
}
