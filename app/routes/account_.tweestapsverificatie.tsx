import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import {
  confirmIdentity,
  confirmTwoFactorSetup,
  disableTwoFactor,
  pendingSetup,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
  twoFactorStatus,
} from '../models/accounts/two-factor.server';
import { isTwoFactorRequired, mustSetUpTwoFactor } from '../models/accounts/two-factor-policy.server';
import { ConfirmTwoFactorSchema, TwoFactorConfirmationSchema } from '../schemas/two-factor';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, confirmationFailed, confirmationThrottled, getSessionId, requireUser } from '../utils/auth.server';
import { formatLongDay } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { badRequest } from '../utils/http.server';
import { TWO_FACTOR_SETUP_PATH } from '../utils/sign-in-paths';

const s = t.twoFactor.setup;
const e = t.twoFactor.errors;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(s.title) }];

/**
 * Setting up, renewing and turning off one's own two-factor sign-in (docs/decisions/018).
 * The one page a person whose role requires two-factor can open before it is on.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { twoFactorSetup: true });
  const status = twoFactorStatus(user.id);
  const setup = status.state === 'pending' ? await pendingSetup(user.id, user.email) : null;
  const url = new URL(request.url);
  const left = url.searchParams.get('herstelcodes');
  return {
    status,
    // A QR code as an image with a text alternative; the same seed is shown as text beside it.
    setup: setup ? { ...setup, qrSrc: `data:image/svg+xml;base64,${Buffer.from(setup.qrSvg).toString('base64')}`, qrSvg: undefined } : null,
    mustSetUp: mustSetUpTwoFactor(user, (await getSessionId(request.headers.get('Cookie')))!),
    required: isTwoFactorRequired(user.role),
    disabledNotice: url.searchParams.get('uitgezet') === 'ja',
    recoveryUsedNotice: left !== null && /^\d{1,2}$/.test(left) ? Number(left) : null,
  };
}

type Answer = { intent: string; fieldErrors: FieldErrors; recoveryCodes?: string[]; notice?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, { twoFactorSetup: true });
  const ip = clientAddress(context);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const answer = (body: Answer, status = 200) => data(body, { status });

  if (intent === 'start') {
    const started = startTwoFactorSetup(user.id);
    if (!started.ok) return answer({ intent, fieldErrors: { _form: e.alreadyEnabled } }, 409);
    return redirect(`${TWO_FACTOR_SETUP_PATH}#instellen`);
  }

  if (intent === 'confirm') {
    const form = parseForm(ConfirmTwoFactorSchema, formData);
    if (!form.ok) return answer({ intent, fieldErrors: form.fieldErrors }, 400);
    const result = confirmTwoFactorSetup({ userId: user.id, code: form.data.code, ip });
    if (!result.ok) {
      const message = result.error === 'no_setup' ? e.setupMissing : e.setupCodeWrong;
      return answer({ intent, fieldErrors: { code: message } }, 400);
    }
    // Shown once, in this answer (decision 015): never stored in clear, never in a redirect.
    return answer({ intent, fieldErrors: {}, recoveryCodes: result.recoveryCodes, notice: s.enabled });
  }

  if (intent === 'regenerate' || intent === 'disable') {
    const form = parseForm(TwoFactorConfirmationSchema, formData);
    if (!form.ok) return answer({ intent, fieldErrors: form.fieldErrors }, 400);
    if (confirmationThrottled(user.email, ip)) return answer({ intent, fieldErrors: { confirmation: e.throttled } }, 429);
    if (!(await confirmIdentity({ userId: user.id, confirmation: form.data.confirmation }))) {
      confirmationFailed({ userId: user.id, email: user.email, address: ip });
      return answer({ intent, fieldErrors: { confirmation: e.confirmationWrong } }, 400);
    }
    if (intent === 'disable') {
      const result = disableTwoFactor({ userId: user.id, ip });
      if (!result.ok) return answer({ intent, fieldErrors: { confirmation: e.notEnabled } }, 409);
      return redirect(`${TWO_FACTOR_SETUP_PATH}?uitgezet=ja`);
    }
    const result = regenerateRecoveryCodes({ userId: user.id, ip });
    if (!result.ok) return answer({ intent, fieldErrors: { confirmation: e.notEnabled } }, 409);
    return answer({ intent, fieldErrors: {}, recoveryCodes: result.recoveryCodes, notice: s.regenerated });
  }

  throw badRequest();
}

function RecoveryCodes({ codes, notice }: { codes: string[]; notice: string }) {
  return (
    <section aria-labelledby="herstelcodes" className="recovery-codes">
      <div className="notice notice--success" role="status">
        {notice}
      </div>
      <h2 id="herstelcodes">{s.recoveryHeading}</h2>
      <p>{s.recoveryIntro}</p>
      <ul aria-label={s.recoveryListLabel} className="recovery-code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConfirmationForm({
  intent,
  label,
  errors,
  children,
}: {
  intent: string;
  label: string;
  errors: FieldErrors;
  children?: React.ReactNode;
}) {
  return (
    <Form method="post" className="form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <Field label={s.confirmation} name="confirmation" error={errors.confirmation} hint={s.confirmationHint}>
        {(p) => <input {...p} type="password" autoComplete="current-password" required />}
      </Field>
      <button type="submit" className="button button--secondary">
        {label}
      </button>
    </Form>
  );
}

export default function TwoFactorPage() {
  const { status, setup, mustSetUp, required, disabledNotice, recoveryUsedNotice } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errorsOf = (intent: string): FieldErrors => (actionData && actionData.intent === intent ? actionData.fieldErrors : {});
  const shownCodes = actionData?.recoveryCodes && actionData.notice ? { codes: actionData.recoveryCodes, notice: actionData.notice } : null;
  const confirmErrors = errorsOf('confirm');
  return (
    <div className="account-page two-factor-page">
      <h1>{s.title}</h1>
      {mustSetUp ? (
        <div className="notice" role="status">
          {s.required}
        </div>
      ) : null}
      {disabledNotice && !actionData ? (
        <div className="notice notice--success" role="status">
          {s.disabled}
        </div>
      ) : null}
      {recoveryUsedNotice !== null && !actionData ? (
        <div className="notice" role="status">
          {t.twoFactor.signIn.recoveryUsed(recoveryUsedNotice)}
        </div>
      ) : null}
      {shownCodes ? <RecoveryCodes {...shownCodes} /> : null}
      <p>{t.twoFactor.account.intro}</p>

      {status.state === 'off' ? (
        <section aria-labelledby="instellen">
          <h2 id="instellen">{t.twoFactor.account.setUp}</h2>
          <p>{s.startIntro}</p>
          <FormErrorSummary show={Boolean(errorsOf('start')._form)} message={errorsOf('start')._form ?? ''} />
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit" className="button" disabled={submitting}>
              {s.start}
            </button>
          </Form>
        </section>
      ) : null}

      {status.state === 'pending' && setup ? (
        <section aria-labelledby="instellen">
          <h2 id="instellen">{t.twoFactor.account.setUp}</h2>
          <h3>{s.step1}</h3>
          <img src={setup.qrSrc} alt={s.qrAlt} width={200} height={200} className="two-factor-qr" />
          <p>{s.manualIntro}</p>
          <dl className="meta-list">
            <dt>{s.accountLabel}</dt>
            <dd>{setup.accountLabel}</dd>
            <dt>{s.secretLabel}</dt>
            <dd>
              <code className="two-factor-secret" data-secret={setup.secretGroups.join('')}>
                {setup.secretGroups.join(' ')}
              </code>
            </dd>
          </dl>
          <h3>{s.step2}</h3>
          <FormErrorSummary show={Object.keys(confirmErrors).length > 0} message={t.common.errors.formHasErrors} />
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <Field label={s.code} name="code" error={confirmErrors.code} hint={s.codeHint}>
              {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={12} required />}
            </Field>
            <button type="submit" className="button" disabled={submitting}>
              {s.confirm}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="start" />
            <button type="submit" className="button button--secondary" disabled={submitting}>
              {s.cancel}
            </button>
          </Form>
        </section>
      ) : null}

      {status.state === 'on' ? (
        <>
          <section aria-labelledby="status">
            <h2 id="status">{t.twoFactor.account.heading}</h2>
            <p>{t.twoFactor.account.on(formatLongDay(status.enabledAt))}</p>
            <p>{t.twoFactor.account.recoveryLeft(status.recoveryCodesLeft)}</p>
          </section>
          <section aria-labelledby="nieuwe-herstelcodes">
            <h2 id="nieuwe-herstelcodes">{s.regenerateHeading}</h2>
            <p>{s.regenerateIntro}</p>
            <ConfirmationForm intent="regenerate" label={s.regenerate} errors={errorsOf('regenerate')} />
          </section>
          <section aria-labelledby="uitzetten">
            <h2 id="uitzetten">{s.disableHeading}</h2>
            <p>{s.disableIntro}</p>
            {required ? <p className="hint">{s.disableRequiredNote}</p> : null}
            <ConfirmationForm intent="disable" label={s.disable} errors={errorsOf('disable')} />
          </section>
        </>
      ) : null}

      {mustSetUp ? null : (
        <p>
          <Link to="/account">{s.backToAccount}</Link>
        </p>
      )}
    </div>
  );
}
