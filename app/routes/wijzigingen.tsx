import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';

import { Field } from '../components/forms/field';
import { historyAuthor, HistoryChanges } from '../components/history-list';
import { PeriodSwitch } from '../components/periods/period-switch';
import { t } from '../i18n';
import { listChangesSince } from '../models/history-names.server';
import { formatDate } from '../models/tracker/deadline';
import { ChangesFilterSchema } from '../schemas/changes';
import commentsCss from '../styles/comments.css?url';
import periodsCss from '../styles/periods.css?url';
import { requireUser } from '../utils/auth.server';
import { addDays, startOfDayNL, toNL } from '../utils/date-time';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const h = t.history;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: commentsCss },
];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(h.changes.title) }];

const DEFAULT_DAYS = 14;

/** ?periode=<slug>: the changes of that period's chapters, goals, actions and accents (and of the period itself). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { period, periodSwitch } = requirePeriod(request);
  const url = new URL(request.url);
  const input = url.searchParams.get('sinds');
  const fallback = addDays(todayInNL(), -DEFAULT_DAYS);
  if (input !== null && input.trim() !== '') {
    const parsed = ChangesFilterSchema.safeParse({ sinds: input });
    if (!parsed.success) {
      return data(
        {
          periodSwitch,
          sinceInput: input,
          since: null,
          error: parsed.error.issues[0].message,
          entries: [] as ReturnType<typeof listChangesSince>['entries'],
          names: null,
          capped: false,
          limit: 0,
        },
        { status: 400 },
      );
    }
    return {
      periodSwitch,
      sinceInput: parsed.data.sinds,
      since: parsed.data.sinds,
      error: null,
      ...listChangesSince({ since: startOfDayNL(parsed.data.sinds), periodId: period.id }),
    };
  }
  return {
    periodSwitch,
    sinceInput: fallback,
    since: fallback,
    error: null,
    ...listChangesSince({ since: startOfDayNL(fallback), periodId: period.id }),
  };
}

export default function ChangesPage() {
  const { periodSwitch, sinceInput, since, error, entries, names, capped, limit } = useLoaderData<typeof loader>();

  // Newest first, grouped by the Dutch calendar day.
  const days: { date: string; entries: typeof entries }[] = [];
  for (const entry of entries) {
    const date = toNL(entry.at).date;
    if (days.at(-1)?.date !== date) days.push({ date, entries: [] });
    days.at(-1)!.entries.push(entry);
  }

  return (
    <>
      <h1>{h.changes.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{h.changes.intro}</p>
      <Form method="get" className="form inline-fields" aria-label={h.changes.title}>
        <input type="hidden" name="periode" value={periodSwitch.shown.slug} />
        <Field label={h.changes.sinceLabel} name="sinds" error={error ?? undefined} hint={h.changes.sinceHint}>
          {(p) => <input {...p} type="date" defaultValue={sinceInput} />}
        </Field>
        <button type="submit" className="button">
          {h.changes.submit}
        </button>
      </Form>

      {since ? (
        <p role="status">{entries.length > 0 ? h.changes.summary(entries.length, formatDate(since)) : h.changes.none(formatDate(since))}</p>
      ) : null}
      {capped ? <p className="notice">{h.changes.capped(limit)}</p> : null}

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
                    <span className="muted">({h.changes.deletedItem})</span>
                  )}{' '}
                  · {(h.change[entry.change] ?? entry.change).toLowerCase()} {h.changes.by} <strong>{historyAuthor(entry.userName)}</strong>
                </p>
                <HistoryChanges entry={entry} names={names ?? undefined} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
