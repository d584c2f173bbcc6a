import { Link, useLocation } from '@remix-run/react';

import { t } from '../../i18n';
import { periodLabel, type PeriodStatus } from '../../models/periods/period-rules';

const p = t.periods;

type PeriodSwitchProps = {
  shown: { slug: string; periodStart: number; periodEnd: number; status: PeriodStatus; isExample: boolean };
  periods: { slug: string; periodStart: number; periodEnd: number; status: PeriodStatus }[];
};

/**
 * The period switch of every agenda page: a labelled list of links to the same page in
 * each period (`?periode=<slug>`), so it works without JavaScript and a link shows the
 * same view to everybody. Filters are left behind: their chapters and goals belong to a
 * period. Says what the shown period is (concept, current, closed, example).
 */
export function PeriodSwitch({ shown, periods }: PeriodSwitchProps) {
  const { pathname } = useLocation();
  return (
    <div className="period-bar">
      <p className="period-bar__shown">
        {p.shownLabel} <strong>{periodLabel(shown)}</strong>{' '}
        <span className={`period-badge period-badge--${shown.status}`}>{p.statusShort[shown.status]}</span>
        {shown.isExample ? <span className="period-badge period-badge--example">{p.example}</span> : null}
        {shown.status === 'afgesloten' ? <span className="period-bar__note"> {p.readOnlyNote}</span> : null}{' '}
        <Link to={`/periodes/${shown.slug}`}>{p.balanceLink}</Link>
      </p>
      {periods.length > 1 ? (
        <nav aria-label={p.switchLabel} className="period-switch">
          <ul>
            {periods.map((period) => (
              <li key={period.slug}>
                <Link to={`${pathname}?periode=${period.slug}`} aria-current={period.slug === shown.slug ? 'page' : undefined}>
                  {periodLabel(period)} <span className="period-switch__status">({p.statusShort[period.status]})</span>
                </Link>
              </li>
            ))}
            <li>
              <Link to="/periodes">{p.allPeriods}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

/** The period an item (a goal, an action, an accent) belongs to, on its own page. */
export function ItemPeriod({ period }: { period: { slug: string; periodStart: number; periodEnd: number; status: PeriodStatus } }) {
  return (
    <p className="period-bar period-bar--item">
      {p.itemPeriod} <Link to={`/periodes/${period.slug}`}>{periodLabel(period)}</Link>{' '}
      <span className={`period-badge period-badge--${period.status}`}>{p.statusShort[period.status]}</span>
      {period.status === 'afgesloten' ? <span className="period-bar__note"> {p.readOnlyNote}</span> : null}
    </p>
  );
}

type CarriedLink = { id: number; title: string; periodLabel: string; periodSlug: string };

/** "Voortgezet uit 2020–2024: …" and "Meegenomen naar 2025–2028: …" on a carried goal's or action's page. */
export function CarriedLinks({ from, to, base }: { from: CarriedLink | null; to: CarriedLink[]; base: '/acties' | '/doelen' }) {
  if (!from && to.length === 0) return null;
  return (
    <ul className="carried-links">
      {from ? (
        <li>
          {p.carriedFrom(from.periodLabel)} <Link to={`${base}/${from.id}`}>{from.title}</Link>
        </li>
      ) : null}
      {to.map((link) => (
        <li key={link.id}>
          {p.carriedTo(link.periodLabel)} <Link to={`${base}/${link.id}`}>{link.title}</Link>
        </li>
      ))}
    </ul>
  );
}
