/**
 * Who may open a real-time document, decided once at the websocket upgrade with the
 * same session and policy code the pages use (app/models/permissions.ts, asked per kind
 * of document by documentAccess in app/models/collab/document-kinds.server.ts), and
 * re-checked when a user's access changes.
 */
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';

import { t } from '../../app/i18n';
import { findSessionUser } from '../../app/models/accounts/session.server';
import { mustSetUpTwoFactor } from '../../app/models/accounts/two-factor-policy.server';
import { recordAudit } from '../../app/models/audit/audit-log.server';
import { documentAccess, parseDocumentName } from '../../app/models/collab/document-kinds.server';
import { asActor, getSessionId } from '../../app/utils/auth.server';

export type Admission =
  { ok: true; userId: number; sessionId: string; access: 'read' | 'write' } | { ok: false; status: 401 | 403 | 404; message: string };

/**
 * Browsers send Origin with every websocket handshake; a page on another site must not
 * open a socket with the user's cookie (cross-site websocket hijacking). Clients that
 * send no Origin (scripts, tests) must bring the cookie themselves.
 */
function originAllowed(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const own = publicUrl ? new URL(publicUrl).origin : `${req.socket instanceof TLSSocket ? 'https' : 'http'}://${req.headers.host ?? ''}`;
  return origin === own;
}

/** The client's address as Express would give it: behind the loopback proxy (KOERS_PUBLIC_URL set), the forwarded one. */
function upgradeAddress(req: IncomingMessage, publicUrl: string | undefined): string | null {
  const direct = req.socket.remoteAddress ?? null;
  const forwarded = req.headers['x-forwarded-for'];
  const loopback = direct === '127.0.0.1' || direct === '::1' || direct === '::ffff:127.0.0.1';
  if (publicUrl && loopback && typeof forwarded === 'string') return forwarded.split(',').pop()?.trim() || direct;
  return direct;
}

/** A refused upgrade of a signed-in user is a permission denial: the audit log records it like a 403 page. */
function refuse(
  req: IncomingMessage,
  publicUrl: string | undefined,
  userId: number,
  documentName: string,
  reason: string,
  message: string,
) {
  recordAudit({
    actorId: userId,
    action: 'permission.denied',
    target: { type: 'document', name: documentName },
    ip: upgradeAddress(req, publicUrl),
    details: { channel: 'websocket', reason },
  });
  return { ok: false, status: 403, message } as const;
}

export async function admit(req: IncomingMessage, documentName: string, publicUrl: string | undefined): Promise<Admission> {
  const sessionId = await getSessionId(req.headers.cookie ?? null);
  const user = sessionId ? findSessionUser(sessionId) : undefined;
  if (!sessionId || !user) return { ok: false, status: 401, message: t.server.notSignedIn };
  if (!originAllowed(req, publicUrl)) return refuse(req, publicUrl, user.id, documentName, 'cross-site', t.server.crossSiteRefused);
  if (!parseDocumentName(documentName)) return { ok: false, status: 404, message: t.server.unknownDocument };
  // Like every page: nothing before the required two-factor is set up (docs/decisions/018).
  if (mustSetUpTwoFactor(user, sessionId))
    return refuse(req, publicUrl, user.id, documentName, 'two-factor-setup', t.server.twoFactorSetupRequired);
  const access = documentAccess(asActor(user), documentName);
  if (access === 'none') return refuse(req, publicUrl, user.id, documentName, 'no-access', t.server.documentForbidden);
  return { ok: true, userId: user.id, sessionId, access };
}

/** The access a session has now; used when rights change after the upgrade. */
export function currentAccess(sessionId: string, documentName: string): 'session-ended' | 'none' | 'read' | 'write' {
  const user = findSessionUser(sessionId);
  if (!user) return 'session-ended';
  return documentAccess(asActor(user), documentName);
}

/** Answers an upgrade with a plain HTTP error and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: number, message = STATUS_CODES[status] ?? '') {
  if (socket.destroyed) return;
  const body = `${message}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
      body,
  );
}
