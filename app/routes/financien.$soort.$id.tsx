import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';

import { FinanceForm } from '../components/finance/finance-form';
import { FinanceHistory } from '../components/finance/finance-history';
import { t } from '../i18n';
import { finance as financeText } from '../i18n/nl/finance';
import { financeDeleteCheck, financeFormHistory, financeFormOptions, saveFinanceForm } from '../models/finance/finance-forms.server';
import financeCss from '../styles/finance.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireFinanceRecordEditor } from '../utils/route-guards.server';

const f = financeText.form;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: financeCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t.common.pageTitle(data?.title ?? financeText.title) }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kind, id, row } = await requireFinanceRecordEditor({ request, params });
  return {
    kind,
    id,
    title: row.title,
    noun: financeDeleteCheck(kind, id).noun,
    year: row.year,
    values: row.values,
    choices: financeFormOptions(row.year),
    history: financeFormHistory(kind, id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, kind, id, row } = await requireFinanceRecordEditor({ request, params });
  const formData = await request.formData();
  const result = saveFinanceForm(kind, actor, id, formData);
  if (!result.ok) return data({ fieldErrors: result.fieldErrors, values: result.values ?? {} }, { status: 400 });
  const year = kind === 'geldstromen' ? (formData.get('year') as string) : String(row.year);
  return redirect(`/financien?jaar=${year}&opgeslagen=1`);
}

export default function EditFinanceRecordPage() {
  const { kind, id, title, noun, year, values, choices, history } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  return (
    <>
      <p>
        <Link to={`/financien?jaar=${year}`}>{financeText.view.headingYear(year)}</Link>
      </p>
      <h1>{title}</h1>
      <FinanceForm
        kind={kind}
        values={actionData?.values ?? values}
        errors={actionData?.fieldErrors ?? {}}
        choices={choices}
        submitLabel={f.submitSave}
        cancelTo={`/financien?jaar=${year}`}
      />
      <p>
        <Link to={`/financien/${kind}/${id}/verwijderen`} className="button button--danger">
          {financeText.remove.link(noun)}
        </Link>
      </p>
      <FinanceHistory entries={history} />
    </>
  );
}
