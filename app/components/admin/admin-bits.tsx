import { type ReactNode, useId } from 'react';

import { t } from '../../i18n';
import { ROLE_LABELS, ROLES } from '../../models/permissions';
import { formatDateTime } from '../../utils/date-time';

const u = t.admin.users;

/** What the invite column says: an open link, or an account still waiting for a password. */
export function inviteState(user: { hasPassword: boolean; openInviteUntil: string | null }, now: string): string {
  if (user.openInviteUntil && user.openInviteUntil > now) return u.invitePending(formatDateTime(user.openInviteUntil));
  if (!user.hasPassword) return user.openInviteUntil ? u.inviteExpired : u.noPasswordYet;
  return u.none;
}

/** The account's state in the beheer lists: deactivated, invited (no password chosen yet) or active. */
export function accountStatus(user: { active: boolean; hasPassword: boolean }): ReactNode {
  if (!user.active) return <span className="state-inactive">{u.inactive}</span>;
  return user.hasPassword ? u.active : u.invited;
}

/**
 * A freshly issued one-time link, in a read-only field so it can be selected and copied,
 * with what became of the e-mail that carries it (when e-mail is on).
 */
export function InviteLinkBox({
  url,
  expiresAt,
  label = t.admin.inviteLink.label,
  mail = 'off',
  email,
}: {
  url: string;
  expiresAt: string;
  label?: string;
  /** What became of the e-mail with the link (see account-mail.server.ts). */
  mail?: 'off' | 'sent' | 'failed';
  email?: string;
}) {
  const id = useId();
  return (
    <div className="field invite-link">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {t.admin.inviteLink.hint(formatDateTime(expiresAt))}
      </span>
      <input id={id} type="text" readOnly value={url} aria-describedby={`${id}-hint`} data-testid="invite-link" />
      {mail === 'sent' && email ? <p>{t.admin.inviteLink.mailed(email)}</p> : null}
      {mail === 'failed' ? (
        <p className="form-error" role="alert">
          {t.admin.inviteLink.mailFailed}
        </p>
      ) : null}
    </div>
  );
}

/** One <option> per role, for a role <select>. */
export function RoleOptions() {
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </>
  );
}
