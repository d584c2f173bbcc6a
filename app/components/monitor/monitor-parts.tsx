import { Link } from '@remix-run/react';

import { monitor as monitorText } from '../../i18n/nl/monitor';
import { indicatorChartSpec, type IndicatorView } from '../../models/monitor/monitor-charts';
import type { IndicatorUnit } from '../../models/monitor/monitor-rules';
import { formatFigure } from '../../models/monitor/monitor-series';
import { SmallMultiplesChart } from '../charts/small-multiples-chart';

const m = monitorText;

/** The "Voorbeeldcijfers" label, wherever demo figures are shown. */
export function ExampleFiguresNotice() {
  return (
    <p className="notice monitor-example" role="note">
      <span className="period-badge period-badge--example">{m.exampleFigures}</span> {m.exampleFiguresNotice}
    </p>
  );
}

/** One indicator: heading (to its page), what it is, and its chart with table and caveats. */
export function IndicatorChartSection({
  view,
  headingLevel = 2,
  idPrefix,
}: {
  view: IndicatorView;
  headingLevel?: 2 | 3;
  idPrefix?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${idPrefix ?? 'monitor'}-${view.code.toLowerCase()}-kop`;
  return (
    <section className="monitor-indicator" aria-labelledby={headingId}>
      <Heading id={headingId}>
        <Link to={`/monitor/indicatoren/${encodeURIComponent(view.code)}`}>{m.indicatorTitle(view.code, view.name)}</Link>
      </Heading>
      <p className="muted">
        {m.levels[view.level as keyof typeof m.levels]} · {m.monitors[view.monitor as keyof typeof m.monitors]} · {m.source}: {view.source}{' '}
        · {m.countedPerShort[view.countedPer]}
      </p>
      <SmallMultiplesChart {...indicatorChartSpec(view, idPrefix)} />
    </section>
  );
}

type Measured = { code: string; name: string; unit: IndicatorUnit; latest: { year: number; value: number; isExample: boolean } | null };

/** The goal page's small "Gemeten met" block: the linked indicators' latest region figures. */
export function MeasuredWith({ indicators }: { indicators: Measured[] }) {
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby="gemeten-met">
      <h2 id="gemeten-met">{m.measuredWith}</h2>
      <ul>
        {indicators.map((i) => (
          <li key={i.code}>
            <Link to={`/monitor/indicatoren/${encodeURIComponent(i.code)}`}>{i.name}</Link>
            {i.latest ? (
              <>
                : {formatFigure(i.unit, i.latest.value)} ({m.latestRegionFigure(i.latest.year)}
                {i.latest.isExample ? `, ${m.exampleFigures.toLowerCase()}` : ''})
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
