import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';

import { InviteLinkBox, RoleOptions } from '../components/admin/admin-bits';
import { Field, FormErrorSummary } from '../components/forms/field';
import { OrganisationOptions } from '../components/forms/organisation-options';
import { SubmissionKeyField } from '../components/forms/submission-key';
import { Breadcrumbs } from '../components/layout/breadcrumbs';
import { t } from '../i18n';
import { mailInvite, type MailOutcome } from '../models/accounts/account-mail.server';
import { inviteUrl, publicBaseUrl } from '../models/accounts/invite.server';
import { listOrganisationOptions } from '../models/accounts/organisation.server';
import { inviteUser } from '../models/accounts/user.server';
import { recordAudit } from '../models/audit/audit-log.server';
import { emailEnabled } from '../models/notifications/email.server';
import { canManageAccounts } from '../models/permissions';
import { createOnceWithSecret, submissionKeyOf } from '../models/submissions.server';
import { InviteUserSchema } from '../schemas/admin';
import { TEXT_LIMITS } from '../schemas/limits';
import adminCss from '../styles/admin.css?url';
import { useActionResult } from '../utils/action-result';
import { clientAddress, requireActor } from '../utils/auth.server';
import { type FieldErrors, parseForm } from '../utils/forms';
import { requireAllowed } from '../utils/http.server';

type InviteOutcome = { ok: true; userId: number; expiresAt: string } | { ok: false; error: 'email_taken' | 'organisation_unknown' };
type InviteSecret = { url: string; mail: Promise<MailOutcome> | null };

const n = t.admin.newUser;
const e = t.admin.errors;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminCss }];
export const meta: MetaFunction = () => [{ title: t.common.pageTitle(n.title, t.common.nav.admin) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  return { organisations: listOrganisationOptions(), emailOn: emailEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  requireAllowed(canManageAccounts(actor));
  const formData = await request.formData();
  const form = parseForm(InviteUserSchema, formData);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values, created: null }, { status: 400 });
  const baseUrl = publicBaseUrl(request);
  // A double click or a resent form invites once, and the repeat shows the same link (decision 016).
  const { result, secret, repeated } = createOnceWithSecret<InviteOutcome, InviteSecret>(
    { userId: user.id, key: submissionKeyOf(formData), scope: 'invite' },
    () => {
      const invited = inviteUser({ ...form.data, invitedBy: user.id });
      if (!invited.ok) return { stored: invited, secret: null };
      recordAudit({
        actorId: user.id,
        action: 'account.invited',
        target: { type: 'user', id: invited.userId },
        ip: clientAddress(context),
        details: { role: form.data.role, organisationId: form.data.organisationId },
      });
      // The token is shown in this response (and e-mailed when e-mail is on); only its hash is stored.
      const stored = { ok: true as const, userId: invited.userId, expiresAt: invited.expiresAt };
      return { stored, secret: { url: inviteUrl(baseUrl, invited.token), mail: null } };
    },
  );
  if (!result.ok) {
    const fieldErrors: FieldErrors = result.error === 'email_taken' ? { email: e.emailTaken } : { organisationId: e.organisationUnknown };
    const values: Record<string, string> = { ...form.data, organisationId: String(form.data.organisationId) };
    return data({ fieldErrors, values, created: null }, { status: 400 });
  }
  // Mailed once, by the first request; a repeat reports what became of that mail.
  if (secret && !repeated)
    secret.mail = mailInvite({ to: form.data.email, name: form.data.name, url: secret.url, expiresAt: result.expiresAt });
  const url = secret?.url ?? null;
  const mail = (await secret?.mail) ?? 'off';
  return data(
    {
      fieldErrors: {} as FieldErrors,
      values: {} as Record<string, string>,
      created: {
        userId: result.userId,
        name: form.data.name,
        email: form.data.email,
        url,
        expiresAt: result.expiresAt,
        mail,
      },
    },
    { status: 201 },
  );
}

export default function NewUserPage() {
  const { organisations, emailOn } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: FieldErrors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  const created = actionData?.created;
  return (
    <>
      <Breadcrumbs
        label={t.admin.breadcrumbsLabel}
        trail={[
          { to: '/beheer', label: t.admin.home.title },
          { to: '/beheer/gebruikers', label: t.admin.users.title },
        ]}
        current={n.title}
      />
      <h1>{n.title}</h1>
      {created ? (
        <section className="card" aria-label={n.created(created.name)}>
          <div className="notice notice--success" role="status">
            {n.created(created.name)}
          </div>
          {created.url ? (
            <InviteLinkBox url={created.url} expiresAt={created.expiresAt} mail={created.mail} email={created.email} />
          ) : (
            <p className="notice">{n.linkAlreadyShown(created.name)}</p>
          )}
          <div className="button-row">
            <Link to={`/beheer/gebruikers/${created.userId}`}>{n.toUser}</Link>
            <Link to="/beheer/gebruikers/nieuw" reloadDocument>
              {n.anotherOne}
            </Link>
          </div>
        </section>
      ) : (
        <>
          <p className="lead">{emailOn ? n.introWithEmail : n.intro}</p>
          <FormErrorSummary show={Object.keys(errors).length > 0} message={t.common.errors.formHasErrors} />
          <Form method="post" className="form" noValidate>
            <SubmissionKeyField />
            <Field label={n.name} name="name" error={errors.name}>
              {(p) => <input {...p} type="text" autoComplete="off" defaultValue={values.name} required maxLength={TEXT_LIMITS.name} />}
            </Field>
            <Field label={n.email} name="email" error={errors.email}>
              {(p) => <input {...p} type="email" autoComplete="off" defaultValue={values.email} required maxLength={TEXT_LIMITS.email} />}
            </Field>
            <Field label={n.role} name="role" error={errors.role}>
              {(p) => (
                <select {...p} defaultValue={values.role ?? 'lezer'}>
                  <RoleOptions />
                </select>
              )}
            </Field>
            <Field label={n.organisation} name="organisationId" error={errors.organisationId}>
              {(p) => (
                <select {...p} defaultValue={values.organisationId ?? ''} required>
                  <option value="">{n.chooseOrganisation}</option>
                  <OrganisationOptions organisations={organisations} />
                </select>
              )}
            </Field>
            <button type="submit" className="button" disabled={submitting}>
              {n.submit}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
