import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { ClosingForm } from '../components/periods/closing-form';
import { t } from '../i18n';
import { closingFormContent, closingRetry, type ClosingSubmission, readClosingSubmission } from '../models/periods/closing-form.server';
import { adoptConcept, getPeriodBySlug, listPeriods } from '../models/periods/period.server';
import { periodLabel } from '../models/periods/period-rules';
import { canManagePeriods } from '../models/permissions';
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
    content: closingFormContent(concept.status === 'concept' ? current : null),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, concept, current } = await loadAdoptable(request, params.slug);
  const formData = await request.formData();
  const submission = current
    ? readClosingSubmission(current, formData)
    : ({ kind: 'close', decisions: new Map(), exceptionIds: [] } satisfies ClosingSubmission as ClosingSubmission);
  if (submission.kind === 'edit') {
    const { kind: _, status, ...retry } = submission;
    return data(retry, { status });
  }
  const result = adoptConcept(actor, { conceptId: concept.id, decisions: submission.decisions, byChapter: submission.byChapter });
  if (!result.ok) {
    const fieldErrors = { _form: result.message, ...result.fieldErrors };
    return data(
      current ? closingRetry(current, formData, submission.exceptionIds, fieldErrors) : { values: {}, exceptions: [], fieldErrors },
      {
        status: 400,
      },
    );
  }
  return redirect(`/periodes/${concept.slug}?vastgesteld=1`);
}

export default function AdoptConceptPage() {
  const { slug, label, adoptable, currentLabel, content } = useLoaderData<typeof loader>();
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
          <ClosingForm content={content} successorLabel={label} submitLabel={c.submitAdopt} retry={actionData} />
        </>
      ) : (
        <p>{t.periods.errors.notConcept}</p>
      )}
    </div>
  );
}
