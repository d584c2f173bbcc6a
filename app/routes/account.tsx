import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { ConfirmCheckbox } from '../components/forms/confirm-checkbox';
import { Field, FormErrorSummary } from '../components/forms/field';
import { t } from '../i18n';
import { twoFactorStatus } from '../models/accounts/two-factor.server';
import { changeOwnPassword, getAccount } from '../models/accounts/user.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { calendarFeedUrl, getCalendarToken, renewCalendarToken } from '../models/meetings/calendar-feed.server';
import { ROLE_LABELS } from '../models/permissions';
import { ChangePasswordSchema, RenewCalendarSchema } from '../schemas/account';
import { TEXT_LIMITS } from '../schemas/limits';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, getSessionId, requireUser } from '../utils/auth.server';
import { formatLongDay } from '../utils/date-time';
import { env } from '../utils/env.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireFound } from '../utils/http.server';
import { TWO_FACTOR_SETUP_PATH } from '../utils/sign-in-paths';

const a = t.admin.account;
const cal = t.meetings.account;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(a.title) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = requireFound(getAccount(user.id));
  const url = new URL(request.url);
  const changed = url.searchParams.get('wachtwoord') === 'gewijzigd';
  const token = getCalendarToken(user.id);
  const calendarUrl = token ? calendarFeedUrl(env.KOERS_PUBLIC_URL ?? url.origin, token) : null;
  const calendarNotice =
    ({ aangemaakt: cal.created, vernieuwd: cal.renewed } as Record<string, string>)[url.searchParams.get('agenda') ?? ''] ?? null;
  return { account, changed, calendarUrl, calendarNotice, twoFactor: twoFactorStatus(user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  if (formData.get('intent') === 'calendar') {
    const hadToken = getCalendarToken(user.id) !== null;
    if (hadToken) {
      // Renewing breaks the subscriptions that use the old address: only with the tick.
      const confirmed = parseForm(RenewCalendarSchema, formData);
      if (!confirmed.ok) return data({ calendarErrors: confirmed.fieldErrors }, { status: 400 });
    }
    renewCalendarToken(user.id);
    return redirect(`/account?agenda=${hadToken ? 'vernieuwd' : 'aangemaakt'}#agenda-abonnement`);
  }
  const form = parseForm(ChangePasswordSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors }, { status: 400 });
  const result = await changeOwnPassword({
    userId: user.id,
    currentPassword: form.data.currentPassword,
    newPassword: form.data.newPassword,
    currentSessionId: await getSessionId(request.headers.get('Cookie')),
  });
  if (!result.ok) return data({ fieldErrors: { currentPassword: t.admin.errors.currentPasswordWrong } as FieldErrors }, { status: 400 });
  recordAudit({ actorId: user.id, action: 'password.changed', target: { type: 'user', id: user.id }, ip: clientAddress(context) });
  return redirect('/account?wachtwoord=gewijzigd');
}

export default function AccountPage() {
  const { account, changed, calendarUrl, calendarNotice, twoFactor } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  const calendarErrors: FieldErrors = actionData && 'calendarErrors' in actionData ? actionData.calendarErrors : {};
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
          <dd className="account-email">{account.email}</dd>
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
            {(p) => <input {...p} type="password" autoComplete="current-password" required maxLength={TEXT_LIMITS.passwordInput} />}
          </Field>
          <Field label={a.newPassword} name="newPassword" error={errors.newPassword} hint={a.newPasswordHint}>
            {(p) => <input {...p} type="password" autoComplete="new-password" minLength={12} maxLength={TEXT_LIMITS.password} required />}
          </Field>
          <Field label={a.repeatPassword} name="repeatPassword" error={errors.repeatPassword}>
            {(p) => <input {...p} type="password" autoComplete="new-password" maxLength={TEXT_LIMITS.password} required />}
          </Field>
          <button type="submit" className="button" disabled={submitting}>
            {a.submit}
          </button>
        </Form>
      </section>
      <section aria-labelledby="account-two-factor">
        <h2 id="account-two-factor">{t.twoFactor.account.heading}</h2>
        <p>{twoFactor.state === 'on' ? t.twoFactor.account.on(formatLongDay(twoFactor.enabledAt)) : t.twoFactor.account.off}</p>
        {twoFactor.state === 'on' ? <p>{t.twoFactor.account.recoveryLeft(twoFactor.recoveryCodesLeft)}</p> : null}
        <p>
          <Link to={TWO_FACTOR_SETUP_PATH}>{twoFactor.state === 'on' ? t.twoFactor.account.manage : t.twoFactor.account.setUp}</Link>
        </p>
      </section>
      <section aria-labelledby="agenda-abonnement">
        <h2 id="agenda-abonnement">{cal.heading}</h2>
        {calendarNotice && !actionData ? (
          <div className="notice notice--success" role="status">
            {calendarNotice}
          </div>
        ) : null}
        <p>{cal.intro}</p>
        {calendarUrl ? (
          <div className="field invite-link">
            <label htmlFor="agenda-url">{cal.urlLabel}</label>
            <input id="agenda-url" type="text" readOnly value={calendarUrl} className="calendar-url" />
          </div>
        ) : (
          <p className="muted">{cal.noToken}</p>
        )}
        {/* Keyed by the address so a client-side renewal does not leave the confirmation ticked. */}
        <Form key={calendarUrl ?? ''} method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="calendar" />
          {calendarUrl ? (
            <>
              <p className="hint" id="agenda-vernieuwen-uitleg">
                {cal.renewHint}
              </p>
              <ConfirmCheckbox
                id="agenda-vernieuwen"
                name="confirmRenew"
                label={cal.renewConfirm}
                error={calendarErrors.confirmRenew}
                className="renew-confirm"
              />
            </>
          ) : null}
          <button
            type="submit"
            className="button button--secondary"
            aria-describedby={calendarUrl ? 'agenda-vernieuwen-uitleg' : undefined}
          >
            {calendarUrl ? cal.renew : cal.create}
          </button>
        </Form>
        {/* The steps start with "copy the address above": only once there is one. */}
        {calendarUrl ? (
          <>
            <h3>{cal.outlookHeading}</h3>
            <ol>
              {cal.outlookSteps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            <p>{cal.otherClients}</p>
          </>
        ) : null}
      </section>
    </div>
  );
}
