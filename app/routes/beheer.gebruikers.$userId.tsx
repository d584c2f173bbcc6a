import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';

import { accountStatus, InviteLinkBox, inviteState, RoleOptions } from '../components/admin/admin-bits';
import { Field, FormErrorSummary } from '../components/forms/field';
import { OrganisationOptions } from '../components/forms/organisation-options';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { PersonPrivacySection } from '../components/privacy/person-privacy';
import { t } from '../i18n';
import { mailInvite, type MailOutcome, mailPasswordReset } from '../models/accounts/account-mail.server';
import { inviteUrl, publicBaseUrl } from '../models/accounts/invite.server';
import { listOrganisationOptions } from '../models/accounts/organisation.server';
import { createResetByAdmin, resetUrl } from '../models/accounts/password-reset.server';
import { resetTwoFactor, twoFactorStatus } from '../models/accounts/two-factor.server';
import { getUserForAdmin, reinviteUser, setUserActive, updateUserAccess } from '../models/accounts/user.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { canManageAccounts, canResetTwoFactor, ROLE_LABELS } from '../models/permissions';
import { removalOf } from '../models/privacy/person-removal.server';
import { createOnceWithSecret, submissionKeyOf } from '../models/submissions.server';
import { UserAccessSchema } from '../schemas/admin';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { formatDateTime } from '../utils/date-time';
import { type FieldErrors, parseForm } from '../utils/forms';
import { notFound, requireAllowed, requireFound, requireIdParam } from '../utils/http.server';

const p = t.admin.user;
const e = t.admin.errors;

const NOTICES = {
  toegang: p.accessSaved,
  gedeactiveerd: p.deactivated,
  geactiveerd: p.reactivated,
  verwijderd: t.privacy.person.done,
  tweestapsverificatie: t.twoFactor.admin.resetDone,
} as const;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: t.common.pageTitle(data?.user.name ?? p.titleFallback, t.common.nav.admin) },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  const user = requireFound(getUserForAdmin(requireIdParam(params.userId)));
  const notice = new URL(request.url).searchParams.get('melding');
  return {
    user,
    isSelf: user.id === actor.id,
    organisations: listOrganisationOptions(),
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
    now: new Date().toISOString(),
    removedAt: removalOf(user.id)?.removedAt ?? null,
    twoFactor: twoFactorStatus(user.id).state,
    mayResetTwoFactor: canResetTwoFactor(actor, user),
  };
}

type ActionData = {
  intent: string;
  fieldErrors: FieldErrors;
  formError: string | null;
  invite: { url: string; expiresAt: string; mail: MailOutcome; email: string } | null;
  reset: { url: string; expiresAt: string; mail: MailOutcome; email: string } | null;
};

/** What may be stored of a made link (never the token: decision 015), or why none was made. */
type LinkOutcome<E extends string> = { ok: true; expiresAt: string; name: string; email: string } | { ok: false; error: E };
type LinkSecret = { url: string; mail: Promise<MailOutcome> | null };

function linkMade(made: { expiresAt: string; name: string; email: string }) {
  return { ok: true as const, expiresAt: made.expiresAt, name: made.name, email: made.email };
}

function reply(body: Partial<ActionData> & { intent: string }, status: number) {
  return data<ActionData>({ fieldErrors: {}, formError: null, invite: null, reset: null, ...body }, { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  const userId = requireIdParam(params.userId);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const self = `/beheer/gebruikers/${userId}`;
  if (removalOf(userId)) return reply({ intent, formError: t.privacy.person.alreadyRemoved }, 400);

  if (intent === 'access') {
    const form = parseForm(UserAccessSchema, formData);
    if (!form.ok) return reply({ intent, fieldErrors: form.fieldErrors }, 400);
    const result = updateUserAccess({ userId, ...form.data, actorId: actor.id });
    if (!result.ok) {
      if (result.error === 'not_found') throw notFound();
      const fieldErrors = result.error === 'self_demote' ? { role: e.selfDemote } : { organisationId: e.organisationUnknown };
      return reply({ intent, fieldErrors }, 400);
    }
    recordAudit({
      actorId: actor.id,
      action: 'account.access_changed',
      target: { type: 'user', id: userId },
      ip: clientAddress(context),
      details: form.data,
    });
    return redirect(`${self}?melding=toegang`);
  }

  if (intent === 'deactivate' || intent === 'reactivate') {
    const result = setUserActive({ userId, active: intent === 'reactivate', actorId: actor.id });
    if (!result.ok) {
      if (result.error === 'not_found') throw notFound();
      return reply({ intent, formError: e.selfDeactivate }, 400);
    }
    recordAudit({
      actorId: actor.id,
      action: intent === 'reactivate' ? 'account.reactivated' : 'account.deactivated',
      target: { type: 'user', id: userId },
      ip: clientAddress(context),
    });
    return redirect(`${self}?melding=${intent === 'reactivate' ? 'geactiveerd' : 'gedeactiveerd'}`);
  }

  if (intent === 'invite') {
    // A double click or a resent form makes one link, and the repeat shows that same link (decision 016).
    const { result, secret, repeated } = createOnceWithSecret<LinkOutcome<'not_found' | 'inactive'>, LinkSecret>(
      { userId: actor.id, key: submissionKeyOf(formData), scope: `reinvite:${userId}` },
      () => {
        const made = reinviteUser({ userId, invitedBy: actor.id });
        if (!made.ok) return { stored: made, secret: null };
        recordAudit({
          actorId: actor.id,
          action: 'account.invite_renewed',
          target: { type: 'user', id: userId },
          ip: clientAddress(context),
        });
        // Shown in this response (and e-mailed when e-mail is on); only the token's hash is stored.
        return { stored: linkMade(made), secret: { url: inviteUrl(publicBaseUrl(request), made.token), mail: null } };
      },
    );
    if (!result.ok) {
      if (result.error === 'not_found') throw notFound();
      return reply({ intent, formError: p.inviteInactive }, 400);
    }
    if (!secret) return reply({ intent, formError: p.linkAlreadyShown }, 200);
    if (!repeated) secret.mail = mailInvite({ to: result.email, name: result.name, url: secret.url, expiresAt: result.expiresAt });
    const mail = (await secret.mail) ?? 'off';
    return reply({ intent, invite: { url: secret.url, expiresAt: result.expiresAt, mail, email: result.email } }, 201);
  }

  if (intent === 'reset') {
    const { result, secret, repeated } = createOnceWithSecret<LinkOutcome<'not_found' | 'inactive' | 'no_password'>, LinkSecret>(
      { userId: actor.id, key: submissionKeyOf(formData), scope: `reset:${userId}` },
      () => {
        const made = createResetByAdmin({ userId, createdBy: actor.id });
        if (!made.ok) return { stored: made, secret: null };
        recordAudit({
          actorId: actor.id,
          action: 'password.reset_requested',
          target: { type: 'user', id: userId },
          ip: clientAddress(context),
        });
        // Shown in this response (and e-mailed when e-mail is on); only the token's hash is stored.
        return { stored: linkMade(made), secret: { url: resetUrl(publicBaseUrl(request), made.token), mail: null } };
      },
    );
    if (!result.ok) {
      if (result.error === 'not_found') throw notFound();
      return reply({ intent, formError: result.error === 'inactive' ? p.inviteInactive : t.admin.reset.adminNoPassword }, 400);
    }
    if (!secret) return reply({ intent, formError: p.linkAlreadyShown }, 200);
    if (!repeated) secret.mail = mailPasswordReset({ to: result.email, name: result.name, url: secret.url, expiresAt: result.expiresAt });
    const mail = (await secret.mail) ?? 'off';
    return reply({ intent, reset: { url: secret.url, expiresAt: result.expiresAt, mail, email: result.email } }, 201);
  }

  if (intent === 'two-factor-reset') {
    // Refused for oneself by the rule (a 403): one's own needs the password or a code, on Mijn account.
    const result = resetTwoFactor({ actor, userId, ip: clientAddress(context) });
    if (!result.ok) return reply({ intent, formError: t.twoFactor.errors.notEnabled }, 400);
    return redirect(`${self}?melding=tweestapsverificatie`);
  }

  return reply({ intent, formError: e.intentUnknown }, 400);
}

export default function UserPage() {
  const { user, isSelf, organisations, notice, now, removedAt, twoFactor, mayResetTwoFactor } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const accessErrors: FieldErrors = actionData?.intent === 'access' ? actionData.fieldErrors : {};
  const statusError = actionData?.intent === 'deactivate' || actionData?.intent === 'reactivate' ? actionData.formError : null;
  const inviteError = actionData?.intent === 'invite' ? actionData.formError : null;
  const newInvite = actionData?.intent === 'invite' ? actionData.invite : null;
  const resetError = actionData?.intent === 'reset' ? actionData.formError : null;
  const twoFactorError = actionData?.intent === 'two-factor-reset' ? actionData.formError : null;
  const newReset = actionData?.intent === 'reset' ? actionData.reset : null;
  const r = t.admin.reset;
  const u = t.admin.users;
  return (
    <>
      <Breadcrumbs
        label={t.admin.breadcrumbsLabel}
        trail={[
          { to: '/beheer', label: t.admin.home.title },
          { to: '/beheer/gebruikers', label: u.title },
        ]}
        current={user.name}
      />
      <h1>{user.name}</h1>
      {notice && !actionData ? (
        <div className="notice notice--success" role="status">
          {notice}
        </div>
      ) : null}

      <section aria-labelledby="user-details">
        <h2 id="user-details">{p.details}</h2>
        <dl className="meta-list">
          <dt>{u.email}</dt>
          <dd>{user.email}</dd>
          <dt>{u.role}</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          <dt>{u.organisation}</dt>
          <dd>{user.organisationName}</dd>
          <dt>{u.status}</dt>
          <dd>{accountStatus(user)}</dd>
          <dt>{p.passwordSet}</dt>
          <dd>{user.hasPassword ? p.yes : p.no}</dd>
          <dt>{u.invitation}</dt>
          <dd>{inviteState(user, now)}</dd>
          <dt>{t.twoFactor.admin.label}</dt>
          <dd>{t.twoFactor.admin.states[twoFactor]}</dd>
          <dt>{p.createdAt}</dt>
          <dd>{formatDateTime(user.createdAt)}</dd>
        </dl>
      </section>

      <section aria-labelledby="user-access" className="card">
        <h2 id="user-access">{p.accessTitle}</h2>
        <FormErrorSummary show={Object.keys(accessErrors).length > 0} message={t.common.errors.formHasErrors} />
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="access" />
          <Field label={u.role} name="role" error={accessErrors.role}>
            {(props) => (
              <select {...props} defaultValue={user.role}>
                <RoleOptions />
              </select>
            )}
          </Field>
          <Field label={u.organisation} name="organisationId" error={accessErrors.organisationId}>
            {(props) => (
              <select {...props} defaultValue={String(user.organisationId)}>
                <OrganisationOptions organisations={organisations} />
              </select>
            )}
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {p.saveAccess}
          </button>
        </Form>
      </section>

      <section aria-labelledby="user-status" className="card">
        <h2 id="user-status">{p.statusTitle}</h2>
        {statusError ? (
          <div className="form-error" role="alert">
            {statusError}
          </div>
        ) : null}
        <p>{user.active ? p.activeText : p.inactiveText}</p>
        {user.active ? (
          isSelf ? (
            <p className="muted">{e.selfDeactivate}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="deactivate" />
              <p className="muted">{p.deactivateHint}</p>
              <button type="submit" className="button button--danger" disabled={busy}>
                {p.deactivate}
              </button>
            </Form>
          )
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="reactivate" />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {p.reactivate}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="user-invite" className="card">
        <h2 id="user-invite">{p.inviteTitle}</h2>
        {inviteError ? (
          <div className="form-error" role="alert">
            {inviteError}
          </div>
        ) : null}
        {newInvite ? (
          <>
            <div className="notice notice--success" role="status">
              {t.admin.inviteLink.previousRevoked}
            </div>
            <InviteLinkBox url={newInvite.url} expiresAt={newInvite.expiresAt} mail={newInvite.mail} email={newInvite.email} />
          </>
        ) : null}
        {user.active ? (
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <SubmissionKeyField />
            <p>{p.inviteText}</p>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {p.newInvite}
            </button>
          </Form>
        ) : (
          <p className="muted">{p.inviteInactive}</p>
        )}
      </section>

      {user.active && user.hasPassword ? (
        <section aria-labelledby="user-reset" className="card">
          <h2 id="user-reset">{r.adminTitle}</h2>
          {resetError ? (
            <div className="form-error" role="alert">
              {resetError}
            </div>
          ) : null}
          {newReset ? (
            <>
              <div className="notice notice--success" role="status">
                {r.adminCreated}
              </div>
              <InviteLinkBox
                url={newReset.url}
                expiresAt={newReset.expiresAt}
                label={r.adminLinkLabel}
                mail={newReset.mail}
                email={newReset.email}
              />
            </>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="reset" />
            <SubmissionKeyField />
            <p>{r.adminText}</p>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {r.adminSubmit}
            </button>
          </Form>
        </section>
      ) : null}

      {twoFactor !== 'off' && mayResetTwoFactor ? (
        <section aria-labelledby="user-two-factor" className="card">
          <h2 id="user-two-factor">{t.twoFactor.admin.resetTitle}</h2>
          {twoFactorError ? (
            <div className="form-error" role="alert">
              {twoFactorError}
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="two-factor-reset" />
            <p>{t.twoFactor.admin.resetText}</p>
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t.twoFactor.admin.reset}
            </button>
          </Form>
        </section>
      ) : null}

      <PersonPrivacySection userId={user.id} isSelf={isSelf} removedAt={removedAt} />
    </>
  );
}
