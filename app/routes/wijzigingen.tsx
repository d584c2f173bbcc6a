import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { Field } from '../components/forms/field';
import { historyAuthor, HistoryChanges } from '../components/history-list';
import { PageLinks } from '../components/layout/page-links';
import { PeriodSwitch } from '../components/periods/period-switch';
import { t } from '../i18n';
import { changesPage } from '../i18n/nl/changes-page';
import { listChangesSince } from '../models/history-names.server';
import { type PageWindow, readPageNumber, shownRange } from '../models/paging';
import { formatDate } from '../models/tracker/deadline';
import { ChangesFilterSchema } from '../schemas/changes';
import commentsCss from '../styles/comments.css?url';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import { requireUser } from '../utils/auth.server';
import { addDays, startOfDayNL, toNL } from '../utils/date-time';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const h = t.history;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: commentsCss },
  { rel: 'stylesheet', href: listsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(changesPage.title) }];

const DEFAULT_DAYS = 14;

/**
 * ?periode=<slug>: the changes of that period's chapters, goals, actions and accents (and of
 * the period itself). ?sinds=<date>: since that day (the last 14 days without it).
 * ?pagina=<n>: which page of them, newest first (CHANGES_PAGE_SIZE a page).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { period, periodSwitch } = requirePeriod(request);
  const params = new URL(request.url).searchParams;
  const input = params.get('sinds') ?? '';
  let since = addDays(todayInNL(), -DEFAULT_DAYS);
  if (input.trim() !== '') {
    const parsed = ChangesFilterSchema.safeParse({ sinds: input });
    if (!parsed.success) {
      return data(
        {
          periodSwitch,
          sinceInput: input,
          since: null,
          error: parsed.error.issues[0].message,
          pageInvalid: false,
          linkQuery: '',
          entries: [] as ReturnType<typeof listChangesSince>['entries'],
          names: null,
          paging: null,
        },
        { status: 400 },
      );
    }
    since = parsed.data.sinds;
  }
  const { page, invalid } = readPageNumber(params, 'pagina');
  // The page links keep the period and the date the address names.
  const linkQuery = new URLSearchParams();
  if (params.get('periode')) linkQuery.set('periode', periodSwitch.shown.slug);
  if (input.trim() !== '') linkQuery.set('sinds', since);
  return {
    periodSwitch,
    sinceInput: since,
    since,
    error: null,
    pageInvalid: invalid,
    linkQuery: linkQuery.toString(),
    ...listChangesSince({ since: startOfDayNL(since), periodId: period.id, page }),
  };
}

export default function ChangesPage() {
  const { periodSwitch, sinceInput, since, error, pageInvalid, linkQuery, entries, names, paging } = useLoaderData<typeof loader>();

  // Newest first, grouped by the Dutch calendar day.
  const days: { date: string; entries: typeof entries }[] = [];
  for (const entry of entries) {
    const date = toNL(entry.at).date;
    if (days.at(-1)?.date !== date) days.push({ date, entries: [] });
    days.at(-1)!.entries.push(entry);
  }

  return (
    <>
      <h1>{changesPage.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{changesPage.intro}</p>
      <Form method="get" action="/wijzigingen" className="form inline-fields" aria-label={changesPage.title}>
        <input type="hidden" name="periode" value={periodSwitch.shown.slug} />
        <Field label={changesPage.sinceLabel} name="sinds" error={error ?? undefined} hint={changesPage.sinceHint}>
          {(p) => <input {...p} type="date" defaultValue={sinceInput} />}
        </Field>
        <button type="submit" className="button">
          {changesPage.submit}
        </button>
      </Form>

      {pageInvalid ? <p className="notice">{changesPage.pageInvalid}</p> : null}
      {since && paging ? <ChangesSummary since={since} paging={paging} shown={entries.length} /> : null}

      {days.map((day) => (
        <section key={day.date} aria-labelledby={`dag-${day.date}`}>
          <h2 id={`dag-${day.date}`}>{formatDate(day.date)}</h2>
          <ol className="history-list">
            {day.entries.map((entry) => (
              <li key={entry.id} className="history-entry">
                <p className="history-entry__meta">
                  <time dateTime={entry.at}>{toNL(entry.at).time}</time> · {h.entity[entry.entityType]}{' '}
                  {entry.item ? (
                    entry.item.href ? (
                      <Link to={entry.item.href}>{entry.item.label}</Link>
                    ) : (
                      <strong>{entry.item.label}</strong>
                    )
                  ) : (
                    <span className="muted">({changesPage.deletedItem})</span>
                  )}{' '}
                  · {(h.change[entry.change] ?? entry.change).toLowerCase()} {changesPage.by}{' '}
                  <strong>{historyAuthor(entry.userName)}</strong>
                </p>
                <HistoryChanges entry={entry} names={names ?? undefined} />
              </li>
            ))}
          </ol>
        </section>
      ))}

      {paging ? (
        <PageLinks
          label={changesPage.pagination}
          className="list-pagination"
          page={paging.page}
          pageCount={paging.pageCount}
          href={(page) => changesHref(linkQuery, page)}
          previous={changesPage.newer}
          next={changesPage.older}
          current={changesPage.page(paging.page, paging.pageCount)}
        />
      ) : null}
    </>
  );
}

/** "509 wijzigingen sinds 23 nov. 2026." and, when they take more than one page, which are shown. */
function ChangesSummary({ since, paging, shown }: { since: string; paging: PageWindow; shown: number }) {
  if (paging.total === 0) return <p role="status">{changesPage.none(formatDate(since))}</p>;
  const { first, last } = shownRange(paging, shown);
  return (
    <p role="status">
      {changesPage.summary(paging.total, formatDate(since))}
      {paging.pageCount > 1 ? ` ${changesPage.showing(first, last)}` : null}
    </p>
  );
}

/** A page of the changes, with the period and date of this one (page 1 has no number). */
function changesHref(linkQuery: string, page: number) {
  const query = new URLSearchParams(linkQuery);
  if (page > 1) query.set('pagina', String(page));
  const text = query.toString();
  return text ? `/wijzigingen?${text}` : '/wijzigingen';
}
