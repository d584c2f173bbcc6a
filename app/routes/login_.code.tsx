import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { SecondStepSchema } from '../schemas/two-factor';
import { useActionResult } from '../utils/action-result';
import { clientAddress, completeSecondStep, endSecondStep, getUser, readSecondStep, sessionCookie } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';

const s = t.twoFactor.signIn;
const e = t.twoFactor.errors;

export const meta: MetaFunction = () => [{ title: t.common.pageTitle(s.title) }];

/** The second sign-in step: only for a browser that has just given the right password (docs/decisions/018). */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/');
  if (!(await readSecondStep(request))) throw redirect('/login?verlopen=ja', { headers: { 'Set-Cookie': await endSecondStep() } });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const step = await readSecondStep(request);
  if (!step) throw redirect('/login?verlopen=ja', { headers: { 'Set-Cookie': await endSecondStep() } });
  const form = parseForm(SecondStepSchema, await request.formData());
  if (!form.ok) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = completeSecondStep(step, form.data.code, clientAddress(context));
  if (!result.ok) {
    const message = { wrong: e.codeWrong, replayed: e.codeReplayed, throttled: e.throttled }[result.error];
    return data({ fieldErrors: { code: message } as FieldErrors }, { status: result.error === 'throttled' ? 429 : 401 });
  }
  // After a recovery code: to Mijn account, which says how many are left (and offers new ones).
  const to = result.recoveryCodesLeft === null ? step.redirectTo : `/account/tweestapsverificatie?herstelcodes=${result.recoveryCodesLeft}`;
  const headers = new Headers();
  headers.append('Set-Cookie', await sessionCookie.serialize(result.sessionId));
  headers.append('Set-Cookie', await endSecondStep());
  return redirect(to, { headers });
}

export default function SecondStepPage() {
  const actionData = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  return (
    <div className="login">
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
      <Form method="post" className="form" noValidate>
        <Field label={s.code} name="code" error={errors.code} hint={s.codeHint}>
          {(p) => (
            <input {...p} type="text" inputMode="text" autoComplete="one-time-code" autoCapitalize="off" spellCheck={false} required />
          )}
        </Field>
        <button type="submit" className="button" disabled={submitting}>
          {s.submit}
        </button>
      </Form>
      <p>
        <Link to="/login">{s.back}</Link>
      </p>
    </div>
  );
}
