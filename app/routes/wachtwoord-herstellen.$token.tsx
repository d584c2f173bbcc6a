import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { findPasswordReset, type ResetLinkState, resetPassword } from '../models/accounts/password-reset.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { SetPasswordSchema } from '../schemas/account';
import { TEXT_LIMITS } from '../schemas/limits';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { beginSecondStep, clientAddress, sessionCookie } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';

const r = t.admin.reset;

type Refusal = Exclude<ResetLinkState['state'], 'valid'>;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(r.title) }];

/** Unknown links are 404; used, expired or deactivated ones are gone for good (410). */
const refusalStatus = (state: Refusal) => (state === 'unknown' ? 404 : 410);

export async function loader({ params }: LoaderFunctionArgs) {
  const found = findPasswordReset(params.token ?? '');
  if (found.state !== 'valid') return data({ invalid: found.state, person: null }, { status: refusalStatus(found.state) });
  return data({ invalid: null, person: { name: found.name, email: found.email } }, { status: 200 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const found = findPasswordReset(token);
  if (found.state !== 'valid')
    return data({ invalid: found.state, fieldErrors: {} as FieldErrors }, { status: refusalStatus(found.state) });
  const form = parseForm(SetPasswordSchema, await request.formData());
  if (!form.ok) return data({ invalid: null, fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await resetPassword({ token, password: form.data.password });
  if (!result.ok) return data({ invalid: result.state, fieldErrors: {} as FieldErrors }, { status: refusalStatus(result.state) });
  recordAudit({
    actorId: result.userId,
    action: 'password.reset',
    target: { type: 'user', id: result.userId },
    ip: clientAddress(context),
  });
  // With two-factor on, the new password is only the first step: the code comes next.
  if (result.sessionId === null) return beginSecondStep(result.userId, '/account?wachtwoord=gewijzigd');
  return redirect('/account?wachtwoord=gewijzigd', { headers: { 'Set-Cookie': await sessionCookie.serialize(result.sessionId) } });
}

export default function ResetPasswordPage() {
  const { invalid: loaderInvalid, person } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const invalid = actionData?.invalid ?? loaderInvalid;
  const errors: FieldErrors = actionData?.fieldErrors ?? {};

  if (invalid || !person) {
    return (
      <section className="invite-page" aria-labelledby="reset-title">
        <h1 id="reset-title">{r.invalidTitle}</h1>
        <p>{r[invalid ?? 'unknown']}</p>
        <p>
          <Link to="/wachtwoord-vergeten">{r.askAgain}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="invite-page" aria-labelledby="reset-title">
      <h1 id="reset-title">{r.title}</h1>
      <p>{r.intro(person.name)}</p>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      <Form method="post" className="form" noValidate>
        <div className="field">
          <label htmlFor="reset-email">{r.email}</label>
          <input id="reset-email" type="email" name="username" autoComplete="username" value={person.email} readOnly />
        </div>
        <Field label={r.password} name="password" error={errors.password} hint={t.admin.account.newPasswordHint}>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={12} maxLength={TEXT_LIMITS.password} required />}
        </Field>
        <Field label={r.repeatPassword} name="repeatPassword" error={errors.repeatPassword}>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={TEXT_LIMITS.password} required />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {r.submit}
        </button>
      </Form>
    </section>
  );
}
