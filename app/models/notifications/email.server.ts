import nodemailer, { type Transporter } from 'nodemailer';

import { env } from '../../utils/env.server';

/**
 * Outgoing e-mail over SMTP, configured by the environment (SMTP_*). Without SMTP_HOST
 * e-mail is off: nothing is sent, and the preferences page says so.
 */
export function emailEnabled(): boolean {
  return env.SMTP_HOST !== undefined;
}

let transport: Transporter | null = null;

function getTransport(): Transporter {
  transport ??= nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE === 'true',
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
    // A mail server that does not answer must not hold a delivery run for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transport;
}

export type OutgoingMail = { to: string; subject: string; text: string };

/** Sends one message; throws when the server refuses it or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (!emailEnabled()) throw new Error('E-mail is not configured (SMTP_HOST is empty).');
  await getTransport().sendMail({ from: env.SMTP_FROM, ...mail });
}

/** The absolute address of a path in Koers, for links in e-mail. */
export function absoluteUrl(path: string): string {
  const base = (env.KOERS_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return base + path;
}
