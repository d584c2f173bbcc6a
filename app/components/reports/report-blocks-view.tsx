/**
 * A yearly report's parts on a page (and the print page): the same blocks the .docx and the
 * PDF render (models/reports/year-report-blocks.ts), as semantic HTML — headings, paragraphs,
 * lists, charts as figures with their tables, tables with a caption.
 */
import type { ReactNode } from 'react';

import type { ReportBlock } from '../../models/documents/report';
import type { ReportPart } from '../../models/reports/year-report-blocks';
import { ChartFigure } from '../charts/chart-figure';
import { ChartDataTable } from '../charts/chart-table';

function Block({ block, partId, index }: { block: ReportBlock; partId: string; index: number }) {
  switch (block.kind) {
    case 'heading':
      return block.level === 1 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'paragraph':
      return (
        <p>
          {block.label ? <strong>{block.label}: </strong> : null}
          {block.text}
        </p>
      );
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'chart':
      return <ChartFigure chart={block.chart} tableLayout="below" />;
    case 'table': {
      const captionId = `${partId}-tabel-${index}`;
      return (
        <div className="table-wrap report-table" role="region" aria-labelledby={captionId} tabIndex={0}>
          <ChartDataTable table={block.table} captionId={captionId} />
        </div>
      );
    }
  }
}

/** One part: its heading (level 2), what the page adds beside it (an edit link), its blocks. */
export function ReportPartView({ part, extra }: { part: ReportPart; extra?: ReactNode }) {
  return (
    <section aria-labelledby={`${part.id}-kop`} className="report-part" id={part.id}>
      <h2 id={`${part.id}-kop`}>{part.heading}</h2>
      {extra}
      {part.blocks.map((block, i) => (
        <Block key={i} block={block} partId={part.id} index={i} />
      ))}
    </section>
  );
}
