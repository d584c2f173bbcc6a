import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';

import { StackedBarChart } from '../components/charts/stacked-bar-chart';
import { BalanceGoalTable } from '../components/periods/balance-goal-table';
import { t } from '../i18n';
import { periodBalance as pb } from '../i18n/nl/period-balance';
import { formatNumber } from '../models/charts/format';
import { BALANCE_PAGE_SIZE, balanceChartSpec, countsLine } from '../models/periods/balance';
import { getPeriodBalance } from '../models/periods/balance.server';
import { getPeriod, getPeriodBySlug, reopenPeriod } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canManagePeriods, canReopenPeriod } from '../models/permissions';
import chartsCss from '../styles/charts.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { formatDay } from '../utils/date-time';
import { badRequest, requireAllowed, requireFound } from '../utils/http.server';

const p = t.periods;
const b = p.balance;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: chartsCss },
  { rel: 'stylesheet', href: periodsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? p.page.title(data.balance.period.label) : t.common.errors.notFoundTitle) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const period = requireFound(getPeriodBySlug(params.slug ?? ''));
  // A long period's rows are on its chapters' balance pages; its own page shows the figures.
  const balance = getPeriodBalance(period, { actionsUpTo: BALANCE_PAGE_SIZE });
  const predecessor = period.predecessorId ? getPeriod(period.predecessorId) : undefined;
  const notice = new URL(request.url).searchParams;
  return {
    // Without its rows a goal is not shown here: its figures are on the chapter's balance.
    balance: balance.withActions ? balance : { ...balance, chapters: balance.chapters.map((chapter) => ({ ...chapter, goals: [] })) },
    predecessor: predecessor ? { slug: predecessor.slug, label: periodLabel(predecessor) } : null,
    notice: notice.has('gemaakt')
      ? p.page.createdNotice
      : notice.has('afgesloten')
        ? p.page.closedNotice
        : notice.has('vastgesteld')
          ? p.page.adoptedNotice
          : notice.has('heropend')
            ? p.page.reopened
            : null,
    mayClose: canManagePeriods(actor) && period.status === 'vastgesteld',
    mayAdopt: canManagePeriods(actor) && period.status === 'concept',
    mayReopen: canReopenPeriod(actor) && period.status === 'afgesloten',
  };
}

/** "Heropenen": the beheerder only; a refusal (another period is current) is shown on the page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canReopenPeriod(actor));
  const period = requireFound(getPeriodBySlug(params.slug ?? ''));
  const form = await request.formData();
  if (form.get('intent') !== 'reopen') throw badRequest();
  const result = reopenPeriod(actor, { periodId: period.id });
  if (!result.ok) return { message: result.message };
  return redirect(`/periodes/${period.slug}?heropend=1`);
}

export default function PeriodPage() {
  const { balance, predecessor, notice, mayClose, mayAdopt, mayReopen } = useLoaderData<typeof loader>();
  // Built here, not in the loader: the spec holds functions (its phrases), which do not travel as JSON.
  const chart = balanceChartSpec(balance.chapters, balance.period.label);
  const refused = useActionData<typeof action>();
  const { period } = balance;
  const q = `?periode=${period.slug}`;
  return (
    <div className="period-page">
      <p>
        <Link to="/periodes">{p.list.title}</Link>
      </p>
      <h1>{p.page.title(period.label)}</h1>
      {refused ? (
        <p className="form-error" role="alert">
          {refused.message}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p className="lead">
        {period.title}
        {period.isExample ? <span className="period-badge period-badge--example">{p.example}</span> : null}
      </p>
      {period.isExample ? <p className="muted">{p.exampleNote}</p> : null}
      <dl className="meta-list">
        <dt>{p.page.status}</dt>
        <dd>{p.statuses[period.status]}</dd>
        {period.adoptedAt ? (
          <>
            <dt>{p.page.adoptedAt}</dt>
            <dd>{formatDay(period.adoptedAt)}</dd>
          </>
        ) : null}
        {period.closedAt ? (
          <>
            <dt>{p.page.closedAt}</dt>
            <dd>{formatDay(period.closedAt)}</dd>
          </>
        ) : null}
        {predecessor ? (
          <>
            <dt>{p.page.predecessor}</dt>
            <dd>
              <Link to={`/periodes/${predecessor.slug}`}>{predecessor.label}</Link>
            </dd>
          </>
        ) : null}
      </dl>

      <nav aria-label={p.page.actionsHeading}>
        <ul className="period-links">
          <li>
            <Link to={`/${q}`}>{p.page.overview}</Link>
          </li>
          <li>
            <Link to={`/acties${q}`}>{p.page.list}</Link>
          </li>
          <li>
            <Link to={`/tijdlijn${q}`}>{p.page.timeline}</Link>
          </li>
          <li>
            <Link to={`/bord${q}`}>{p.page.board}</Link>
          </li>
          <li>
            <Link to={`/accenten${q}`}>{p.page.accents}</Link>
          </li>
        </ul>
      </nav>

      {mayClose || mayAdopt || mayReopen ? (
        <div className="button-row">
          {mayClose ? (
            <Link to={`/periodes/${period.slug}/afsluiten`} className="button">
              {p.page.close}
            </Link>
          ) : null}
          {mayAdopt ? (
            <Link to={`/periodes/${period.slug}/vaststellen`} className="button">
              {p.page.adopt}
            </Link>
          ) : null}
          {mayReopen ? (
            <Form method="post">
              <button type="submit" name="intent" value="reopen" className="button button--secondary">
                {p.page.reopen}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="balance-heading">
        <h2 id="balance-heading">{period.status === 'afgesloten' ? b.heading : b.runningHeading}</h2>
        <p>
          <strong>{b.totals}:</strong> {countsLine(balance.totals)}
        </p>
        <StackedBarChart {...chart} />
      </section>

      <section aria-labelledby="balance-downloads">
        <h2 id="balance-downloads">{p.page.downloads}</h2>
        <ul className="button-row period-downloads">
          <li>
            <a className="button button--secondary" href={`/periodes/${period.slug}/balans.docx`} download>
              {p.page.docx}
            </a>
          </li>
          <li>
            <a className="button button--secondary" href={`/periodes/${period.slug}/balans.pdf`} download>
              {p.page.pdf}
            </a>
          </li>
        </ul>
      </section>

      {balance.withActions ? null : <p className="notice">{pb.perChapter(formatNumber(balance.totals.total), BALANCE_PAGE_SIZE)}</p>}
      {balance.chapters.map((chapter) => {
        const name = `${chapter.code} ${chapter.title}`;
        return (
          <section key={chapter.id} id={`hoofdstuk-${chapter.id}`} aria-labelledby={`hoofdstuk-${chapter.id}-titel`}>
            <h2 id={`hoofdstuk-${chapter.id}-titel`}>{name}</h2>
            {balance.withActions ? null : (
              <p>
                <strong>{b.chapterTotals}:</strong> {countsLine(chapter.counts)}
              </p>
            )}
            <ul className="period-chapter-links">
              {balance.withActions ? null : (
                <li>
                  <Link to={`/periodes/${period.slug}/hoofdstukken/${chapter.id}/balans`}>
                    {pb.chapterActionsLink(formatNumber(chapter.counts.total), chapter.code)}
                  </Link>
                </li>
              )}
              <li>
                <Link to={`/periodes/${period.slug}/hoofdstukken/${chapter.id}`}>{p.chapterText.link}</Link>
              </li>
            </ul>
            {balance.withActions ? chapter.goals.map((goal) => <BalanceGoalTable key={goal.id} goal={goal} />) : null}
          </section>
        );
      })}

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">{b.meetingsHeading}</h2>
        <p>
          {b.meetingsCount(balance.meetings.length)}, {b.decisionsCount(balance.decisionCount)}
        </p>
        {balance.meetings.length === 0 ? (
          <p className="muted">{b.noMeetings}</p>
        ) : (
          <ul>
            {balance.meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link to={`/overleggen/${meeting.id}`}>{meeting.title}</Link> — {formatDay(meeting.startsAt)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">{b.decisionsHeading}</h2>
        {balance.decisions.length === 0 ? (
          <p className="muted">{b.noDecisions}</p>
        ) : (
          <ul>
            {balance.decisions.map((decision) => (
              <li key={decision.id}>
                <Link to={`/overleggen/${decision.meetingId}`}>
                  {b.decisionLine(formatDay(decision.meetingStartsAt), decision.meetingTitle, decision.text)}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="accents-heading">
        <h2 id="accents-heading">{b.accentsHeading}</h2>
        {balance.accents.length === 0 ? (
          <p className="muted">{b.noAccents}</p>
        ) : (
          <ul>
            {balance.accents.map((row) => (
              <li key={row.municipalityName}>{b.accentsLine(row.municipalityName, row.n)}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
