/**
 * The close codes the real-time server uses. The unmodified y-websocket client
 * reconnects after any code except 4400–4499, which it treats as final; codes are
 * chosen so that "check again" reconnects and "you may not" stops. Shared by the
 * server (server/collab) and the notes page, which reloads its data when one of the
 * rights codes arrives so the editor matches what the user may do now.
 */
export const CloseCode = {
  /** The server stops (restart, deploy): reconnect. */
  serverShutdown: { code: 1001, reason: 'server-shutdown' },
  /** A message that is not the y-websocket protocol: only this connection is closed. */
  malformedMessage: { code: 1003, reason: 'malformed-message' },
  /** Larger than maxPayload; `ws` closes with this code itself. */
  messageTooBig: { code: 1009, reason: 'message-too-big' },
  /** The update could not be stored; nothing was relayed. Reconnect re-sends it. */
  persistenceFailed: { code: 1011, reason: 'persistence-failed' },
  /** The user's rights changed: reconnect and be checked again (maybe read-only now). */
  accessChanged: { code: 4000, reason: 'access-changed' },
  /** The session ended (logout, expiry, account deactivated): do not reconnect. */
  sessionEnded: { code: 4401, reason: 'session-ended' },
  /** The user may no longer read the document: do not reconnect. */
  accessRevoked: { code: 4403, reason: 'access-revoked' },
} as const;

export type Close = (typeof CloseCode)[keyof typeof CloseCode];

/** The codes that mean "what this user may do has changed": the notes page asks the server again. */
export const RIGHTS_CHANGED_CODES: ReadonlySet<number> = new Set([
  CloseCode.accessChanged.code,
  CloseCode.sessionEnded.code,
  CloseCode.accessRevoked.code,
]);
