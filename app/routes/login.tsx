import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';

import { OrganisationSignIn, organisationSignInError, OrganisationSignInOnly } from '../components/accounts/organisation-sign-in';
import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { oidcConfig, passwordFormOn } from '../models/accounts/oidc/oidc-config.server';
import { TEXT_LIMITS } from '../schemas/limits';
import { LoginSchema } from '../schemas/login';
import { useActionResult } from '../utils/action-result';
import { beginSecondStep, clientAddress, getUser, login, sessionCookie } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { safeRedirect } from '../utils/redirect';

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(t.common.login.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/');
  return {
    providers: oidcConfig().providers.map(({ id, name }) => ({ id, name })),
    passwordForm: passwordFormOn(),
    oidcError: organisationSignInError(new URL(request.url).searchParams.get('oidc')),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!passwordFormOn()) throw new Response(null, { status: 405 });
  const form = parseForm(LoginSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: null, email: form.values.email ?? '' }, { status: 400 });
  const result = await login(form.data.email, form.data.password, clientAddress(context));
  if (!result.ok && result.error === 'code_required') return beginSecondStep(result.userId, form.data.redirectTo);
  if (!result.ok) {
    const formError = result.error === 'throttled' ? t.common.login.throttled : t.common.login.invalid;
    return data({ fieldErrors: {}, formError, email: form.data.email }, { status: result.error === 'throttled' ? 429 : 401 });
  }
  return redirect(safeRedirect(form.data.redirectTo), {
    headers: { 'Set-Cookie': await sessionCookie.serialize(result.sessionId) },
  });
}

export default function LoginPage() {
  const actionData = useActionResult<typeof action>();
  const [params] = useSearchParams();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const { providers, passwordForm, oidcError } = useLoaderData<typeof loader>();
  const redirectTo = params.get('redirectTo') ?? '/';
  if (!passwordForm) return <OrganisationSignInOnly providers={providers} redirectTo={redirectTo} error={oidcError} />;
  return (
    <div className="login">
      <h1>{t.common.login.title}</h1>
      {params.get('verlopen') === 'ja' && !actionData ? (
        <div className="notice" role="status">
          {t.twoFactor.signIn.expired}
        </div>
      ) : null}
      {actionData?.formError || oidcError ? (
        <div className="form-error" role="alert">
          {actionData?.formError ?? oidcError}
        </div>
      ) : (
        <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      )}
      <OrganisationSignIn providers={providers} redirectTo={redirectTo} />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t.common.login.email} name="email" error={errors.email}>
          {(p) => (
            <input {...p} type="email" autoComplete="username" defaultValue={actionData?.email} required maxLength={TEXT_LIMITS.email} />
          )}
        </Field>
        <Field label={t.common.login.password} name="password" error={errors.password}>
          {(p) => <input {...p} type="password" autoComplete="current-password" required maxLength={TEXT_LIMITS.passwordInput} />}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {t.common.login.submit}
        </button>
      </Form>
      <p>
        <Link to="/wachtwoord-vergeten">{t.common.login.forgot}</Link>
      </p>
    </div>
  );
}
