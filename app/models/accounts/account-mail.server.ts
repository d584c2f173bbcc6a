import { t } from '../../i18n';
import { formatDateTime } from '../../utils/date-time';
import { emailEnabled, sendMail } from '../notifications/email.server';

const m = t.admin.mail;

/**
 * What happened to the e-mail with a link: not sent (e-mail is off), sent, or failed.
 * A failure is logged and reported to the beheerder, who still sees the link on screen.
 */
export type MailOutcome = 'off' | 'sent' | 'failed';

async function send(to: string, subject: string, text: string): Promise<MailOutcome> {
  if (!emailEnabled()) return 'off';
  try {
    await sendMail({ to, subject, text });
    return 'sent';
  } catch (error) {
    console.warn(`Account e-mail to ${to} failed:`, error);
    return 'failed';
  }
}

/** The invitation with its one-time link, to the invited address. */
export function mailInvite(input: { to: string; name: string; url: string; expiresAt: string }): Promise<MailOutcome> {
  return send(input.to, m.inviteSubject, m.inviteText(input.name, input.url, formatDateTime(input.expiresAt)));
}

/** A one-time password reset link, to the account's own address. */
export function mailPasswordReset(input: { to: string; name: string; url: string; expiresAt: string }): Promise<MailOutcome> {
  return send(input.to, m.resetSubject, m.resetText(input.name, input.url, formatDateTime(input.expiresAt)));
}
