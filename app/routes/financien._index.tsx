import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { BarChart } from '../components/charts/bar-chart';
import { goalRows, municipalityRows, purposeRows, ScrollTable, SpentTable, StreamTable } from '../components/finance/finance-tables';
import { t } from '../i18n';
import { finance as financeText } from '../i18n/nl/finance';
import { listFinanceRows } from '../models/finance/finance.server';
import { ALLOCATION_PURPOSE_LABELS, COMMITMENT_KIND_LABELS } from '../models/finance/finance-rules';
import { financeOverviewFor, financeSwitchChoices, readFinanceView } from '../models/finance/finance-view.server';
import { formatEuro } from '../models/finance/money';
import { warningText } from '../models/finance/warnings';
import { canEditFinance } from '../models/permissions';
import chartsCss from '../styles/charts.css?url';
import financeCss from '../styles/finance.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const f = financeText;
const c = f.columns;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: financeCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t.common.pageTitle(data?.view.heading ?? f.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const today = todayInNL();
  const view = requireFound(readFinanceView(new URL(request.url).searchParams, today));
  const overview = financeOverviewFor(view, today);
  const rows = view.kind === 'year' ? listFinanceRows(view.years) : null;
  return {
    view,
    overview: { ...overview, warnings: overview.warnings.map(warningText) },
    rows,
    choices: financeSwitchChoices(today),
    mayEdit: canEditFinance(actor),
    saved: new URL(request.url).searchParams.get('opgeslagen') === '1',
    deleted: new URL(request.url).searchParams.get('verwijderd') === '1',
  };
}

const SERIES = [
  { key: 'received', label: c.received },
  { key: 'allocated', label: c.allocated },
  { key: 'committed', label: c.committed },
  { key: 'spent', label: c.spent },
];

export default function FinancePage() {
  const { view, overview, rows, choices, mayEdit, saved, deleted } = useLoaderData<typeof loader>();
  const empty = overview.streams.length === 0;
  const categories =
    view.kind === 'year'
      ? overview.streams.map((s) => ({
          key: String(s.id),
          label: s.name,
          values: { received: s.receivedCents, allocated: s.allocatedCents, committed: s.committedCents, spent: s.spentCents },
        }))
      : overview.perYear.map((y) => ({
          key: String(y.year),
          label: String(y.year),
          values: { received: y.receivedCents, allocated: y.allocatedCents, committed: y.committedCents, spent: y.spentCents },
        }));
  return (
    <div className="finance-page">
      <h1>{f.title}</h1>
      {saved ? (
        <p className="notice notice--success" role="status">
          {f.manage.saved}
        </p>
      ) : null}
      {deleted ? (
        <p className="notice notice--success" role="status">
          {f.manage.deleted}
        </p>
      ) : null}
      <p className="lead">{f.lead}</p>
      <nav className="finance-switch" aria-label={f.view.label}>
        <p>
          <strong>{f.view.year}:</strong>
        </p>
        <ul>
          {choices.years.map((year) => (
            <li key={year}>
              <Link to={`/financien?jaar=${year}`} aria-current={view.kind === 'year' && view.year === year ? 'page' : undefined}>
                {f.view.yearOption(year)}
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <strong>{f.view.period}:</strong>
        </p>
        <ul>
          {choices.periods.map((p) => (
            <li key={p.slug}>
              <Link to={`/financien?periode=${p.slug}`} aria-current={view.kind === 'period' && view.slug === p.slug ? 'page' : undefined}>
                {f.view.periodOption(p.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2>{view.heading}</h2>
      {overview.containsExampleFigures ? (
        <p className="notice">
          <span className="finance-example">{f.exampleBadge}.</span> {f.exampleNote}
        </p>
      ) : null}

      {overview.warnings.length > 0 ? (
        <section className="notice notice--warning finance-warnings" aria-labelledby="finance-warnings">
          <h3 id="finance-warnings">{f.warningsHeading}</h3>
          <ul>
            {overview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {mayEdit ? <ManageLinks query={view.query} /> : null}

      {empty ? (
        <p className="notice">{f.view.empty}</p>
      ) : (
        <>
          <BarChart
            id="finance-chart"
            title={view.kind === 'year' ? f.chart.title : f.chart.titlePeriod}
            categories={categories}
            series={SERIES}
            categoryHeader={view.kind === 'year' ? c.stream : c.year}
            valueFormat="money"
            width={720}
          />
          <h3>{f.tables.streams}</h3>
          <StreamTable overview={overview} showYear={view.kind === 'period'} />
          <h3>{f.tables.perPurpose}</h3>
          <SpentTable caption={f.tables.perPurposeCaption} header={c.purpose} rows={purposeRows(overview)} />
          <h3>{f.tables.perMunicipality}</h3>
          <SpentTable caption={f.tables.perMunicipalityCaption} header={c.municipality} rows={municipalityRows(overview)} />
          {overview.perGoal.length > 0 ? (
            <>
              <h3>{f.tables.perGoal}</h3>
              <SpentTable caption={f.tables.perGoalCaption} header={c.goal} rows={goalRows(overview)} />
            </>
          ) : null}
        </>
      )}

      {rows && rows.streams.length > 0 ? <RecordLists rows={rows} mayEdit={mayEdit} /> : null}

      <section aria-labelledby="finance-downloads">
        <h2 id="finance-downloads">{f.downloads.heading}</h2>
        <ul>
          <li>
            <a href={`/financien.csv?${view.query}`} download>
              {f.downloads.csv}
            </a>
          </li>
          <li>
            <a href={`/financien.xlsx?${view.query}`} download>
              {f.downloads.xlsx}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}

function ManageLinks({ query }: { query: string }) {
  const m = f.manage;
  return (
    <nav className="finance-manage" aria-label={m.heading}>
      <ul>
        <li>
          <Link to={`/financien/geldstromen/nieuw?${query}`} className="button button--secondary">
            {m.newStream}
          </Link>
        </li>
        <li>
          <Link to={`/financien/toewijzingen/nieuw?${query}`} className="button button--secondary">
            {m.newAllocation}
          </Link>
        </li>
        <li>
          <Link to={`/financien/verplichtingen/nieuw?${query}`} className="button button--secondary">
            {m.newCommitment}
          </Link>
        </li>
        <li>
          <Link to={`/financien/bestedingen/nieuw?${query}`} className="button button--secondary">
            {m.newSpending}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

type Rows = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['rows']>;

/** The year's allocations, commitments and spending, each with a link to correct it for who may. */
function RecordLists({ rows, mayEdit }: { rows: Rows; mayEdit: boolean }) {
  const streamName = new Map(rows.streams.map((s) => [s.id, s.name]));
  const editCell = (to: string, what: string) =>
    mayEdit ? (
      <td>
        <Link to={to}>{f.manage.edit(what)}</Link>
      </td>
    ) : null;
  return (
    <>
      {rows.allocations.length > 0 ? (
        <>
          <h3>{f.tables.allocations}</h3>
          <ScrollTable caption={f.tables.allocationsCaption}>
            <thead>
              <tr>
                <th scope="col">{c.stream}</th>
                <th scope="col">{c.purpose}</th>
                <th scope="col">{c.municipality}</th>
                <th scope="col">{c.goal}</th>
                <th scope="col">{c.action}</th>
                <th scope="col" className="num">
                  {c.amount}
                </th>
                {mayEdit ? <th scope="col">{c.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.allocations.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{streamName.get(a.streamId)}</th>
                  <td>{ALLOCATION_PURPOSE_LABELS[a.purpose]}</td>
                  <td>{a.municipalityName ?? f.regional}</td>
                  <td>{a.goalCode ?? '–'}</td>
                  <td>{a.actionId !== null ? <Link to={`/acties/${a.actionId}`}>{a.actionTitle}</Link> : '–'}</td>
                  <td className="num">{formatEuro(a.amountCents)}</td>
                  {editCell(`/financien/toewijzingen/${a.id}`, f.entities.allocation)}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : null}
      {rows.commitments.length > 0 ? (
        <>
          <h3>{f.tables.commitments}</h3>
          <ScrollTable caption={f.tables.commitmentsCaption}>
            <thead>
              <tr>
                <th scope="col">{c.party}</th>
                <th scope="col">{c.kind}</th>
                <th scope="col">{c.period}</th>
                <th scope="col" className="num">
                  {c.amount}
                </th>
                {mayEdit ? <th scope="col">{c.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.commitments.map((cm) => (
                <tr key={cm.id}>
                  <th scope="row">{cm.party}</th>
                  <td>{COMMITMENT_KIND_LABELS[cm.kind]}</td>
                  <td>
                    {cm.periodFrom} – {cm.periodTo}
                  </td>
                  <td className="num">{formatEuro(cm.amountCents)}</td>
                  {editCell(`/financien/verplichtingen/${cm.id}`, f.entities.commitment)}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : null}
      {rows.spending.length > 0 ? (
        <>
          <h3>{f.tables.spending}</h3>
          <ScrollTable caption={f.tables.spendingCaption}>
            <thead>
              <tr>
                <th scope="col">{c.date}</th>
                <th scope="col">{c.description}</th>
                <th scope="col" className="num">
                  {c.amount}
                </th>
                {mayEdit ? <th scope="col">{c.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.spending.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.date}</th>
                  <td>{s.description}</td>
                  <td className="num">{formatEuro(s.amountCents)}</td>
                  {editCell(`/financien/bestedingen/${s.id}`, f.entities.spending)}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        </>
      ) : null}
      {mayEdit ? (
        <p>
          {rows.streams.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ' · ' : null}
              <Link to={`/financien/geldstromen/${s.id}`}>{f.manage.edit(s.name)}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}
