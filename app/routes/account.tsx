import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Field, FormErrorSummary } from '../components/field';
import { t } from '../i18n';
import { ROLE_LABELS } from '../models/permissions';
import { changeOwnPassword, getAccount } from '../models/user.server';
import { ChangePasswordSchema } from '../schemas/account';
import adminCss from '../styles/admin.css?url';
import { getSessionId, requireUser } from '../utils/auth.server';
import { parseForm, type FieldErrors } from '../utils/forms';

const a = t.admin.account;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: `${a.title} — Koers` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = getAccount(user.id);
  if (!account) throw new Response('Niet gevonden', { status: 404 });
  const changed = new URL(request.url).searchParams.get('wachtwoord') === 'gewijzigd';
  return { account, changed };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = parseForm(ChangePasswordSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await changeOwnPassword({
    userId: user.id,
    currentPassword: form.data.currentPassword,
    newPassword: form.data.newPassword,
    currentSessionId: await getSessionId(request.headers.get('Cookie')),
  });
  if (!result.ok) return data({ fieldErrors: { currentPassword: t.admin.errors.currentPasswordWrong } as FieldErrors }, { status: 400 });
  return redirect('/account?wachtwoord=gewijzigd');
}

export default function AccountPage() {
  const { account, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  return (
    <div className="account-page">
      <h1>{a.title}</h1>
      {changed && !actionData ? (
        <div className="notice notice--success" role="status">
          {a.changed}
        </div>
      ) : null}
      <section aria-labelledby="account-details">
        <h2 id="account-details">{a.details}</h2>
        <dl className="meta-list">
          <dt>{a.name}</dt>
          <dd>{account.name}</dd>
          <dt>{a.email}</dt>
          <dd>{account.email}</dd>
          <dt>{a.role}</dt>
          <dd>{ROLE_LABELS[account.role]}</dd>
          <dt>{a.organisation}</dt>
          <dd>{account.organisationName}</dd>
        </dl>
      </section>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{a.passwordTitle}</h2>
        <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
        <Form method="post" className="form" noValidate>
          <Field label={a.currentPassword} name="currentPassword" error={errors.currentPassword}>
            {(p) => <input {...p} type="password" autoComplete="current-password" required />}
          </Field>
          <Field label={a.newPassword} name="newPassword" error={errors.newPassword} hint={a.newPasswordHint}>
            {(p) => <input {...p} type="password" autoComplete="new-password" minLength={12} required />}
          </Field>
          <Field label={a.repeatPassword} name="repeatPassword" error={errors.repeatPassword}>
            {(p) => <input {...p} type="password" autoComplete="new-password" required />}
          </Field>
          <button type="submit" className="button" disabled={submitting}>
            {a.submit}
          </button>
        </Form>
      </section>
    </div>
  );
}
