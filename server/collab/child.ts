/**
 * The web process's side of the real-time process (process.ts): starts it, hands it
 * every websocket upgrade of `/collab/…` that arrives on Koers' one port (the socket
 * itself travels over the IPC channel, so the web process carries no keystroke after
 * the handshake), passes the app's live-bridge calls on, and starts it again should it
 * die. See docs/decisions/024-realtime-process.md.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type http from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

import { registerLiveServer } from '../../app/models/collab/live-bridge.server';
import { refuseUpgrade } from './authenticate';
import { onCollabUpgrades } from './index';
import type { FromRealtime, ToRealtime } from './process-messages';

export type RealtimeProcess = {
  /** Lets the real-time process store, compact and close everything, and waits until it exited. */
  close(): Promise<void>;
};

const ENTRY = fileURLToPath(new URL('./process.ts', import.meta.url));
/** How long a stopping real-time process may take to store and close before it is killed. */
const CLOSE_TIMEOUT_MS = 8000;
const RESTART_AFTER_MS = 1000;

/** Starts the real-time process and resolves once it is ready for upgrades. */
export async function startRealtimeProcess(server: http.Server): Promise<RealtimeProcess> {
  let child: ChildProcess | null = null;
  let ready = false;
  let closing = false;

  const send = (message: ToRealtime) => {
    if (child?.connected && ready) child.send(message);
  };

  function start(): Promise<void> {
    return new Promise((resolve) => {
      // The same Node options (tsx's loader) and environment (KOERS_DATABASE, …) as this process.
      const started = fork(ENTRY, [], { stdio: 'inherit' });
      child = started;
      started.on('message', (message: FromRealtime) => {
        if (message.type !== 'ready') return;
        ready = true;
        resolve();
      });
      started.on('exit', (code, signal) => {
        if (child === started) {
          child = null;
          ready = false;
        }
        if (closing) return;
        // Every connection is gone with it; the browsers reconnect and load the stored documents.
        console.error(`[collab] The real-time process stopped (${signal ?? code}); it is started again.`);
        setTimeout(() => void (closing ? null : start()), RESTART_AFTER_MS).unref();
        resolve();
      });
    });
  }

  const stopListening = onCollabUpgrades(server, (req, socket, head) => {
    if (!child?.connected || !ready || closing) return refuseUpgrade(socket, 503);
    const message: ToRealtime = {
      type: 'upgrade',
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      head: head.toString('base64'),
    };
    child.send(message, socket as Socket, (error) => {
      if (error) refuseUpgrade(socket, 503);
    });
  });

  const unregister = registerLiveServer({
    documentEdited: (name, update) => send({ type: 'document-edited', name, update: Buffer.from(update).toString('base64') }),
    recheckUser: (userId) => send({ type: 'recheck-user', userId }),
    recheckAll: () => send({ type: 'recheck-all' }),
  });

  await start();

  return {
    async close() {
      closing = true;
      stopListening();
      unregister();
      const stopping = child;
      if (!stopping || stopping.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
      if (stopping.connected) stopping.send({ type: 'close' } satisfies ToRealtime);
      const timeout = setTimeout(() => stopping.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timeout);
    },
  };
}
