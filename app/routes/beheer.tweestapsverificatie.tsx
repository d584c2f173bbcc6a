import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';

import { t } from '../i18n';
import {
  countWithoutRequiredTwoFactor,
  listTwoFactorRequirements,
  setTwoFactorRequirements,
} from '../models/accounts/two-factor-policy.server';
import { canSetTwoFactorRequirements, ROLE_LABELS, ROLES } from '../models/permissions';
import { TwoFactorRequirementsSchema } from '../schemas/two-factor';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { parseForm } from '../utils/forms';
import { requireAllowed } from '../utils/http.server';

const p = t.twoFactor.policy;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(p.title) }];

/** Per role: is two-factor sign-in required? The beheerder only (docs/permissions.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canSetTwoFactorRequirements(actor));
  return { requirements: listTwoFactorRequirements(), withoutTwoFactor: countWithoutRequiredTwoFactor() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canSetTwoFactorRequirements(actor));
  const form = parseForm(TwoFactorRequirementsSchema, await request.formData());
  if (!form.ok) return data({ formError: t.common.errors.badRequestTitle }, { status: 400 });
  const required = ROLES.filter((role) => form.data[`role-${role}`] === 'ja');
  setTwoFactorRequirements({ actor, required, ip: clientAddress(context) });
  return redirect('/beheer/tweestapsverificatie?opgeslagen=ja');
}

export default function TwoFactorPolicyPage() {
  const { requirements, withoutTwoFactor } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="two-factor-policy">
      <h1>{p.title}</h1>
      {params.get('opgeslagen') === 'ja' && !actionData ? (
        <div className="notice notice--success" role="status">
          {p.saved}
        </div>
      ) : null}
      {actionData?.formError ? (
        <div className="form-error" role="alert">
          {actionData.formError}
        </div>
      ) : null}
      <p className="lead">{p.intro}</p>
      <p>{p.defaultNote}</p>
      {withoutTwoFactor > 0 ? <p>{p.withoutTwoFactor(withoutTwoFactor)}</p> : null}
      {/* Keyed by the stored choice, so a saved form shows what was saved after a client-side post. */}
      <Form method="post" className="form" key={requirements.map((r) => `${r.role}:${r.required}`).join(',')}>
        <fieldset>
          <legend>{p.legend}</legend>
          {requirements.map((r) => (
            <div className="checkbox" key={r.role}>
              <input type="checkbox" id={`role-${r.role}`} name={`role-${r.role}`} value="ja" defaultChecked={r.required} />
              <label htmlFor={`role-${r.role}`}>
                {ROLE_LABELS[r.role]}
                {r.isDefault ? ` (${p.defaultHint})` : null}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {p.save}
        </button>
      </Form>
    </div>
  );
}
