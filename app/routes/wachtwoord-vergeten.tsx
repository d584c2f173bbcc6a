import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { mailPasswordReset } from '../models/accounts/account-mail.server';
import { publicBaseUrl } from '../models/accounts/invite.server';
import { requestPasswordReset, resetUrl } from '../models/accounts/password-reset.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { emailEnabled } from '../models/notifications/email.server';
import { PasswordResetRequestSchema } from '../schemas/account';
import { TEXT_LIMITS } from '../schemas/limits';
import { useActionResult } from '../utils/action-result';
import { clientAddress, getUser } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';

const r = t.admin.reset;

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(r.requestTitle) }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/account');
  return { emailOn: emailEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Without e-mail there is nothing to send: the page only says to ask the beheerder.
  if (!emailEnabled()) return data({ fieldErrors: {} as FieldErrors, email: '', done: false, throttled: false }, { status: 400 });
  const form = parseForm(PasswordResetRequestSchema, await request.formData());
  if (!form.ok)
    return data({ fieldErrors: form.fieldErrors, email: form.values.email ?? '', done: false, throttled: false }, { status: 400 });
  const result = requestPasswordReset({ email: form.data.email, client: clientAddress(context) });
  if (result.outcome === 'throttled')
    return data({ fieldErrors: {}, email: form.data.email, done: false, throttled: true }, { status: 429 });
  if (result.outcome === 'issued') {
    recordAudit({
      actorId: null,
      action: 'password.reset_requested',
      target: { type: 'user', id: result.userId },
      ip: clientAddress(context),
    });
    // Not awaited: the answer takes as long whether or not the address has an account.
    void mailPasswordReset({
      to: result.email,
      name: result.name,
      url: resetUrl(publicBaseUrl(request), result.token),
      expiresAt: result.expiresAt,
    });
  }
  return data({ fieldErrors: {} as FieldErrors, email: '', done: true, throttled: false }, { status: 200 });
}

export default function ForgotPasswordPage() {
  const { emailOn } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = result?.fieldErrors ?? {};
  return (
    <div className="login">
      <h1>{r.requestTitle}</h1>
      {!emailOn ? (
        <p>{r.noEmail}</p>
      ) : result?.done ? (
        <div className="notice notice--success" role="status">
          {r.requested}
        </div>
      ) : (
        <>
          <p>{r.requestIntro}</p>
          {result?.throttled ? (
            <div className="form-error" role="alert">
              {r.throttled}
            </div>
          ) : (
            <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
          )}
          <Form method="post" className="form" noValidate>
            <Field label={r.email} name="email" error={errors.email}>
              {(p) => (
                <input {...p} type="email" autoComplete="username" defaultValue={result?.email} required maxLength={TEXT_LIMITS.email} />
              )}
            </Field>
            <button type="submit" className="button" disabled={submitting}>
              {r.requestSubmit}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{r.backToLogin}</Link>
      </p>
    </div>
  );
}
