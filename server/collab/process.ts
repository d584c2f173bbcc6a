/**
 * The real-time process: the collab server (index.ts) on its own event loop, so that no
 * page render in the web process holds up a keystroke (docs/decisions/024). Started by
 * the web process (child.ts) after the migrations ran; it gets each websocket upgrade
 * with its socket over the IPC channel and the app's calls of the live bridge as
 * messages. It opens its own connection to the same SQLite file (WAL: readers never
 * wait, writes take turns) and exits when the web process tells it to or goes away.
 */
import http from 'node:http';
import type { Socket } from 'node:net';

import { db } from '../../app/utils/db.server';
import { env } from '../../app/utils/env.server';
import { createCollab } from './index';
import type { FromRealtime, ToRealtime } from './process-messages';

// The web process's checkpoint thread (server/checkpoints.ts) checkpoints the one WAL for
// both processes; left on here, SQLite would copy the log back inside a keystroke's commit.
db.$client.pragma('wal_autocheckpoint = 0');
const collab = createCollab({ publicUrl: env.KOERS_PUBLIC_URL });
const tell = (message: FromRealtime) => process.send?.(message);

/** The upgrade request as the web process read it, on the socket it handed over. */
function requestOn(socket: Socket, message: Extract<ToRealtime, { type: 'upgrade' }>): http.IncomingMessage {
  const req = new http.IncomingMessage(socket);
  req.method = message.method;
  req.url = message.url;
  req.headers = message.headers;
  return req;
}

let stopping: Promise<void> | null = null;
function stop() {
  stopping ??= collab.close().then(() => {
    db.$client.close();
    process.exit(0);
  });
  return stopping;
}

process.on('message', (message: ToRealtime, socket?: Socket) => {
  switch (message.type) {
    case 'upgrade':
      if (socket) collab.handleUpgrade(requestOn(socket, message), socket, Buffer.from(message.head, 'base64'));
      return;
    case 'document-edited':
      return collab.documentEdited(message.name, Buffer.from(message.update, 'base64'));
    case 'recheck-user':
      return void collab.closeConnectionsOfUser(message.userId);
    case 'recheck-all':
      return collab.recheckAll();
    case 'close':
      return void stop();
  }
});
// The web process is gone (crashed, killed): nobody hands over sockets any more.
process.on('disconnect', () => void stop());
// Ctrl-C in a terminal reaches the whole process group: the web process says when to stop.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => void stop());

tell({ type: 'ready' });
