import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';

import { ClosingForm } from '../components/periods/closing-form';
import { t } from '../i18n';
import { closingFormContent, closingRetry, readClosingSubmission } from '../models/periods/closing-form.server';
import { closePeriod, getPeriodBySlug, listPeriods } from '../models/periods/period.server';
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
    content: closingFormContent(period.status === 'vastgesteld' ? period : null),
    successorLabel: concept ? periodLabel(concept) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, period } = await loadClosable(request, params.slug);
  const formData = await request.formData();
  const submission = readClosingSubmission(period, formData);
  if (submission.kind === 'edit') {
    const { kind: _, status, ...retry } = submission;
    return data(retry, { status });
  }
  const result = closePeriod(actor, { periodId: period.id, decisions: submission.decisions, byChapter: submission.byChapter });
  if (!result.ok) {
    return data(closingRetry(period, formData, submission.exceptionIds, { _form: result.message, ...result.fieldErrors }), { status: 400 });
  }
  return redirect(`/periodes/${period.slug}?afgesloten=1`);
}

export default function ClosePeriodPage() {
  const { slug, label, closable, content, successorLabel } = useLoaderData<typeof loader>();
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
          <ClosingForm content={content} successorLabel={successorLabel} submitLabel={c.submitClose} retry={actionData} />
        </>
      ) : (
        <p>{c.notAllowedState}</p>
      )}
    </div>
  );
}
