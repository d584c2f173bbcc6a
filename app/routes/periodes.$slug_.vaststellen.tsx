import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { ClosingForm } from '../components/periods/closing-form';
import { t } from '../i18n';
import { adoptConcept, getPeriodBySlug, listOpenActions, listPeriods } from '../models/periods/period.server';
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
  { title: t.common.pageTitle(data ? c.adoptTitle(data.label) : t.common.errors.notFoundTitle) },
];

/** Guard: who runs the agenda; the concept named by the address, and the current period it replaces. */
async function loadAdoptable(request: Request, slug: string | undefined) {
  const { actor } = await requireActor(request);
  requireAllowed(canManagePeriods(actor));
  const concept = requireFound(getPeriodBySlug(slug ?? ''));
  const current = listPeriods().find((p) => p.status === 'vastgesteld');
  return { actor, concept, current };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { concept, current } = await loadAdoptable(request, params.slug);
  return {
    slug: concept.slug,
    label: periodLabel(concept),
    adoptable: concept.status === 'concept',
    currentLabel: current ? periodLabel(current) : null,
    actions: current && concept.status === 'concept' ? listOpenActions(current.id) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, concept, current } = await loadAdoptable(request, params.slug);
  const formData = await request.formData();
  const decisions = current
    ? readClosingDecisions(
        formData,
        listOpenActions(current.id).map((a) => a.id),
      )
    : new Map();
  const result = adoptConcept(actor, { conceptId: concept.id, decisions });
  if (!result.ok) {
    const values = Object.fromEntries([...formData.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'));
    return data({ fieldErrors: { _form: result.message, ...result.fieldErrors }, values }, { status: 400 });
  }
  return redirect(`/periodes/${concept.slug}?vastgesteld=1`);
}

export default function AdoptConceptPage() {
  const { slug, label, adoptable, currentLabel, actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="closing-page">
      <p>
        <Link to={`/periodes/${slug}`}>{t.periods.page.title(label)}</Link>
      </p>
      <h1>{c.adoptTitle(label)}</h1>
      {adoptable ? (
        <>
          <p className="lead">{currentLabel ? c.adoptLead(label, currentLabel) : c.adoptLeadNoCurrent(label)}</p>
          <ClosingForm
            actions={actions}
            successorLabel={label}
            submitLabel={c.submitAdopt}
            errors={actionData?.fieldErrors ?? {}}
            values={actionData?.values ?? {}}
          />
        </>
      ) : (
        <p>{t.periods.errors.notConcept}</p>
      )}
    </div>
  );
}
