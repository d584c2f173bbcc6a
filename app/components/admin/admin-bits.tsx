import { useId } from 'react';

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

/** A freshly issued invite link, in a read-only field so it can be selected and copied. */
export function InviteLinkBox({ url, expiresAt }: { url: string; expiresAt: string }) {
  const id = useId();
  return (
    <div className="field invite-link">
      <label htmlFor={id}>{t.admin.inviteLink.label}</label>
      <span className="hint" id={`${id}-hint`}>
        {t.admin.inviteLink.hint(formatDateTime(expiresAt))}
      </span>
      <input id={id} type="text" readOnly value={url} aria-describedby={`${id}-hint`} data-testid="invite-link" />
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
