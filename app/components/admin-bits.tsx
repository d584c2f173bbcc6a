import { Link } from '@remix-run/react';
import { useId } from 'react';
import { t } from '../i18n';
import { formatDateTime } from '../utils/date-time';

const u = t.admin.users;

/** What the invite column says: an open link, or an account still waiting for a password. */
export function inviteState(user: { hasPassword: boolean; openInviteUntil: string | null }, now: string): string {
  if (user.openInviteUntil && user.openInviteUntil > now) return u.invitePending(formatDateTime(user.openInviteUntil));
  if (!user.hasPassword) return user.openInviteUntil ? u.inviteExpired : u.noPasswordYet;
  return u.none;
}

export function AdminBreadcrumbs({ trail, current }: { trail: { to: string; label: string }[]; current: string }) {
  return (
    <nav aria-label={t.admin.breadcrumbsLabel} className="breadcrumbs">
      <ol>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
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

/** <option>s for an organisation <select>, municipalities and partners in two groups. */
export function OrganisationOptions({ organisations }: { organisations: { id: number; name: string; kind: 'gemeente' | 'partner' }[] }) {
  return (
    <>
      {(['gemeente', 'partner'] as const).map((kind) => (
        <optgroup key={kind} label={t.admin.organisations.groups[kind]}>
          {organisations
            .filter((o) => o.kind === kind)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}
