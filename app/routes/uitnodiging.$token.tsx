import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { acceptInvite, findInvite, type InviteState } from '../models/accounts/invite.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { SetPasswordSchema } from '../schemas/account';
import { TEXT_LIMITS } from '../schemas/limits';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { beginSecondStep, clientAddress, sessionCookie } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';

const i = t.admin.invite;

type Refusal = Exclude<InviteState['state'], 'valid'>;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(i.title) }];

/** Unknown links are 404; used, expired or deactivated ones are gone for good (410). */
function refuse(state: Refusal) {
  return data({ invalid: state, invitee: null }, { status: state === 'unknown' ? 404 : 410 });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const found = findInvite(params.token ?? '');
  if (found.state !== 'valid') return refuse(found.state);
  return data({ invalid: null, invitee: { name: found.name, email: found.email } }, { status: 200 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const found = findInvite(token);
  if (found.state !== 'valid')
    return data({ invalid: found.state, fieldErrors: {} as FieldErrors }, { status: found.state === 'unknown' ? 404 : 410 });
  const form = parseForm(SetPasswordSchema, await request.formData());
  if (!form.ok) return data({ invalid: null, fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await acceptInvite({ token, password: form.data.password });
  if (!result.ok)
    return data({ invalid: result.state, fieldErrors: {} as FieldErrors }, { status: result.state === 'unknown' ? 404 : 410 });
  recordAudit({
    actorId: found.userId,
    action: 'account.invite_accepted',
    target: { type: 'user', id: found.userId },
    ip: clientAddress(context),
  });
  if (result.sessionId === null) return beginSecondStep(found.userId, '/');
  return redirect('/', { headers: { 'Set-Cookie': await sessionCookie.serialize(result.sessionId) } });
}

export default function InvitePage() {
  const { invalid: loaderInvalid, invitee } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const invalid = actionData?.invalid ?? loaderInvalid;
  const errors: FieldErrors = actionData?.fieldErrors ?? {};

  if (invalid || !invitee) {
    return (
      <section className="invite-page" aria-labelledby="invite-title">
        <h1 id="invite-title">{i.invalidTitle}</h1>
        <p>{i[invalid ?? 'unknown']}</p>
        <p>
          <Link to="/login">{i.toLogin}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="invite-page" aria-labelledby="invite-title">
      <h1 id="invite-title">{i.title}</h1>
      <p>{i.intro(invitee.name)}</p>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      <Form method="post" className="form" noValidate>
        <div className="field">
          <label htmlFor="invite-email">{i.email}</label>
          <input id="invite-email" type="email" name="username" autoComplete="username" value={invitee.email} readOnly />
        </div>
        <Field label={i.password} name="password" error={errors.password} hint={t.admin.account.newPasswordHint}>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={12} maxLength={TEXT_LIMITS.password} required />}
        </Field>
        <Field label={i.repeatPassword} name="repeatPassword" error={errors.repeatPassword}>
          {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={TEXT_LIMITS.password} required />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {i.submit}
        </button>
      </Form>
    </section>
  );
}
