import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

import { PeriodSwitch } from '../components/periods/period-switch';
import { ActionTable, type ActionTableRow } from '../components/tracker/action-table';
import { t } from '../i18n';
import { listMyActions } from '../models/tracker/action-list.server';
import listsCss from '../styles/lists.css?url';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireUser } from '../utils/auth.server';
import { requirePeriod } from '../utils/route-guards.server';
import { todayInNL } from '../utils/today';

const m = t.lists.mine;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: periodsCss },
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: listsCss },
];

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(m.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { period, periodSwitch } = requirePeriod(request);
  const mine = listMyActions({ userId: user.id, organisationId: user.organisationId, today: todayInNL(), period });
  return { organisationName: user.organisationName, periodSwitch, ...mine };
}

export default function MyActions() {
  const { organisationName, own, organisation, periodSwitch } = useLoaderData<typeof loader>();
  return (
    <div className="my-actions">
      <h1>{m.title}</h1>
      <PeriodSwitch {...periodSwitch} />
      <p className="lead">{m.lead(organisationName)}</p>
      <ActionSection id="mijn" heading={m.ownHeading} empty={m.ownEmpty} {...own} />
      <ActionSection id="organisatie" heading={m.orgHeading(organisationName)} empty={m.orgEmpty(organisationName)} {...organisation} />
    </div>
  );
}

function ActionSection({
  id,
  heading,
  empty,
  open,
  closed,
}: {
  id: string;
  heading: string;
  empty: string;
  open: ActionTableRow[];
  closed: ActionTableRow[];
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="my-actions__section">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {open.length === 0 && closed.length === 0 ? <p className="muted">{empty}</p> : null}
      {open.length > 0 ? (
        <ActionTable rows={open} caption={m.openCaption(heading, t.lists.count(open.length))} />
      ) : closed.length > 0 ? (
        <p className="muted">{m.noOpen}</p>
      ) : null}
      {closed.length > 0 ? (
        <details className="my-actions__closed">
          <summary>{m.closedSummary(closed.length)}</summary>
          <ActionTable rows={closed} caption={m.closedCaption(heading)} />
        </details>
      ) : null}
    </section>
  );
}
