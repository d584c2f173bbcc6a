import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { ConfirmCheckbox } from '../components/forms/confirm-checkbox';
import { t } from '../i18n';
import { finance as financeText } from '../i18n/nl/finance';
import { deleteFinanceForm, financeDeleteCheck } from '../models/finance/finance-forms.server';
import financeCss from '../styles/finance.css?url';
import trackerCss from '../styles/tracker.css?url';
import { useActionResult } from '../utils/action-result';
import { requireFinanceRecordEditor } from '../utils/route-guards.server';

const r = financeText.remove;

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: trackerCss },
  { rel: 'stylesheet', href: financeCss },
];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: t.common.pageTitle(data?.title ?? financeText.title) }];

/** The confirmation: what will be deleted, or why it cannot be. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kind, id, row } = await requireFinanceRecordEditor({ request, params });
  const check = financeDeleteCheck(kind, id);
  return { kind, id, year: row.year, label: row.label, title: r.title(check.noun), refused: check.refused };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, kind, id, row } = await requireFinanceRecordEditor({ request, params });
  const formData = await request.formData();
  if (formData.get('bevestig') !== 'ja')
    return data({ confirmError: financeText.errors.deleteUnconfirmed, refused: null }, { status: 400 });
  const result = deleteFinanceForm(kind, actor, id);
  if (!result.ok) return data({ confirmError: null, refused: result.message }, { status: 409 });
  return redirect(`/financien?jaar=${row.year}&verwijderd=1`);
}

export default function DeleteFinanceRecordPage() {
  const { kind, id, year, label, title, refused } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting'; // one delete for a double click
  const actionData = useActionResult<typeof action>();
  const reason = actionData?.refused ?? refused;
  return (
    <>
      <p>
        <Link to={`/financien?jaar=${year}`}>{financeText.view.headingYear(year)}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{label}</p>
      {reason ? (
        <>
          <p className="notice notice--warning" role="alert">
            {reason}
          </p>
          <p>
            <Link to={`/financien/${kind}/${id}`}>{financeText.manage.edit(label)}</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="form">
          <p>{r.lead}</p>
          <ConfirmCheckbox id="bevestig" name="bevestig" label={r.confirm} error={actionData?.confirmError ?? undefined} />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={busy}>
              {r.submit}
            </button>
            <Link to={`/financien/${kind}/${id}`} className="button button--secondary">
              {r.cancel}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
