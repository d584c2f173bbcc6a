import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { PageLinks } from '../components/layout/page-links';
import { BalanceGoalTable } from '../components/periods/balance-goal-table';
import { t } from '../i18n';
import { periodBalance } from '../i18n/nl/period-balance';
import { formatNumber } from '../models/charts/format';
import { BALANCE_OUTCOMES, countsLine } from '../models/periods/balance';
import { getChapterBalance } from '../models/periods/balance.server';
import { getPeriodBySlug } from '../models/periods/period.server';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { requireFound, requireIdParam } from '../utils/http.server';

const b = t.periods.balance;
const c = periodBalance.chapter;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: listsCss },
  { rel: 'stylesheet', href: periodsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: t.common.pageTitle(
      data ? c.pageTitle(`${data.chapter.code} ${data.chapter.title}`, data.period.label) : t.common.errors.notFoundTitle,
    ),
  },
];

/** `?pagina=`: a page number; anything else is the first page, one past the last the last page. */
function readPage(params: URLSearchParams): number {
  const page = params.get('pagina');
  return page !== null && /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1;
}

/**
 * A chapter's balance: how its actions ended, per goal, and the actions themselves fifty
 * to a page (decision 034). Everyone signed in reads it, as the period page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request);
  const period = requireFound(getPeriodBySlug(params.slug ?? ''));
  return requireFound(getChapterBalance(period, requireIdParam(params.themeId), readPage(new URL(request.url).searchParams)));
}

export default function ChapterBalancePage() {
  const { period, chapter, page, pageCount, first, last, pageGoals } = useLoaderData<typeof loader>();
  const name = `${chapter.code} ${chapter.title}`;
  const path = `/periodes/${period.slug}/hoofdstukken/${chapter.id}/balans`;
  return (
    <div className="period-page">
      <p>
        <Link to={`/periodes/${period.slug}#hoofdstuk-${chapter.id}`}>{t.periods.page.title(period.label)}</Link>
      </p>
      <h1>{c.heading(name)}</h1>
      <p>
        <strong>{b.chapterTotals}:</strong> {countsLine(chapter.counts)}
      </p>

      {/* The goals' figures on the first page: the next pages are for reading on through the actions. */}
      {page === 1 ? (
        <div className="table-wrap">
          <table className="data compact card-table">
            <caption>{c.goalsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.goal}</th>
                {BALANCE_OUTCOMES.map((outcome) => (
                  <th scope="col" key={outcome} className="numeric">
                    {b.outcomes[outcome]}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {c.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {chapter.goals.map((goal) => (
                <tr key={goal.id}>
                  <th scope="row">
                    <Link to={`/doelen/${goal.id}`}>
                      {goal.code} {goal.title}
                    </Link>
                  </th>
                  {BALANCE_OUTCOMES.map((outcome) => (
                    <td key={outcome} className="numeric" data-label={b.outcomes[outcome]}>
                      {goal.counts[outcome]}
                    </td>
                  ))}
                  <td className="numeric" data-label={c.total}>
                    {goal.counts.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <section aria-labelledby="chapter-actions-heading">
        <h2 id="chapter-actions-heading">{c.actionsHeading}</h2>
        {chapter.counts.total === 0 ? (
          <p className="muted">{c.noActions}</p>
        ) : (
          <p>{c.showing(first, last, formatNumber(chapter.counts.total))}</p>
        )}
        {pageGoals.map((goal) => (
          <BalanceGoalTable key={goal.id} goal={goal} />
        ))}
        <PageLinks
          label={c.pagination}
          className="list-pagination"
          page={page}
          pageCount={pageCount}
          href={(n) => (n === 1 ? path : `${path}?pagina=${n}`)}
          previous={c.previous}
          next={c.next}
          current={c.page(page, pageCount)}
        />
      </section>
    </div>
  );
}
