import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { ClosingForm } from '../components/periods/closing-form';
import { t } from '../i18n';
import { closePeriod, getPeriodBySlug, listOpenActions, listPeriods } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canManagePeriods } from '../models/permissions';
import { readClosingDecisions } from '../schemas/period';
import periodsCss from '../styles/periods.css?url';
import trackerCss from '../styles/tracker.css?url';
import { requireActor } from '../utils/auth.server';
import { requireAllowed, requireFound } from '../utils/http.server';

const c = t.periods.closing;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: periodsCss },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? c.closeTitle(data.label) : t.common.errors.notFoundTitle) },
];

/** Guard: who runs the agenda, the current period (a closed or concept period has nothing to close here). */
async function loadClosable(request: Request, slug: string | undefined) {
  const { actor } = await requireActor(request);
  requireAllowed(canManagePeriods(actor));
  const period = requireFound(getPeriodBySlug(slug ?? ''));
  const concept = listPeriods().find((p) => p.status === 'concept');
  return { actor, period, concept };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { period, concept } = await loadClosable(request, params.slug);
  return {
    slug: period.slug,
    label: periodLabel(period),
    closable: period.status === 'vastgesteld',
    actions: period.status === 'vastgesteld' ? listOpenActions(period.id) : [],
    successorLabel: concept ? periodLabel(concept) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, period } = await loadClosable(request, params.slug);
  const formData = await request.formData();
  const decisions = readClosingDecisions(
    formData,
    listOpenActions(period.id).map((a) => a.id),
  );
  const result = closePeriod(actor, { periodId: period.id, decisions });
  if (!result.ok) {
    const values = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    return data({ fieldErrors: { _form: result.message, ...result.fieldErrors }, values }, { status: 400 });
  }
  return redirect(`/periodes/${period.slug}?afgesloten=1`);
}

export default function ClosePeriodPage() {
  const { slug, label, closable, actions, successorLabel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="closing-page">
      <p>
        <Link to={`/periodes/${slug}`}>{t.periods.page.title(label)}</Link>
      </p>
      <h1>{c.closeTitle(label)}</h1>
      {closable ? (
        <>
          <p className="lead">{c.closeLead(label)}</p>
          <ClosingForm
            actions={actions}
            successorLabel={successorLabel}
            submitLabel={c.submitClose}
            errors={actionData?.fieldErrors ?? {}}
            values={actionData?.values ?? {}}
          />
        </>
      ) : (
        <p>{c.notAllowedState}</p>
      )}
    </div>
  );
}
