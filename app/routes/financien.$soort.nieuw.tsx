import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { FinanceForm } from '../components/finance/finance-form';
import { t } from '../i18n';
import { finance as financeText } from '../i18n/nl/finance';
import { type FinanceFormKind, financeFormOptions, isFinanceFormKind, saveFinanceForm } from '../models/finance/finance-forms.server';
import { isFinanceYear } from '../models/finance/finance-rules';
import { canEditFinance } from '../models/permissions';
import { createOnce, submissionKeyOf } from '../models/submissions.server';
import financeCss from '../styles/finance.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireActor } from '../utils/auth.server';
import { notFound, requireAllowed } from '../utils/http.server';
import { todayInNL } from '../utils/today';

const f = financeText.form;
const TITLES: Record<FinanceFormKind, string> = {
  geldstromen: f.newStreamTitle,
  toewijzingen: f.newAllocationTitle,
  verplichtingen: f.newCommitmentTitle,
  bestedingen: f.newSpendingTitle,
};

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: financeCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data ? TITLES[data.kind] : financeText.title) },
];

/** Guard: who may edit the money; the kind of form from the address; the year whose money the choices show (?jaar=, else this year). */
async function guard(request: Request, soort: string | undefined) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canEditFinance(actor));
  if (!isFinanceFormKind(soort)) throw notFound();
  const asked = Number(new URL(request.url).searchParams.get('jaar'));
  const year = isFinanceYear(asked) ? asked : Number(todayInNL().slice(0, 4));
  return { user, actor, kind: soort, year };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kind, year } = await guard(request, params.soort);
  const today = todayInNL();
  const defaults: Record<string, string> =
    kind === 'geldstromen'
      ? { year: String(year) }
      : kind === 'verplichtingen'
        ? { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` }
        : kind === 'bestedingen'
          ? { date: today.startsWith(String(year)) ? today : `${year}-12-31` }
          : {};
  return { kind, year, values: defaults, choices: financeFormOptions(year) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, kind, year } = await guard(request, params.soort);
  const formData = await request.formData();
  const result = createOnce({ userId: user.id, key: submissionKeyOf(formData), scope: `finance-${kind}` }, () =>
    saveFinanceForm(kind, actor, null, formData),
  );
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, values: result.values ?? {} }, { status: 400 });
  const shownYear = kind === 'geldstromen' ? (formData.get('year') as string) : String(year);
  return redirect(`/financien?jaar=${shownYear}&opgeslagen=1`);
}

export default function NewFinanceRecordPage() {
  const { kind, year, values, choices } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <p>
        <Link to={`/financien?jaar=${year}`}>{financeText.view.headingYear(year)}</Link>
      </p>
      <h1>{TITLES[kind]}</h1>
      <FinanceForm
        kind={kind}
        values={actionData?.values ?? values}
        errors={actionData?.fieldErrors ?? {}}
        choices={choices}
        submitLabel={f.submitCreate}
        cancelTo={`/financien?jaar=${year}`}
      />
    </>
  );
}
