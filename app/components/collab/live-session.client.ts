/**
 * Opens a real-time document in the browser: a Yjs document synced with the real-time
 * server over y-websocket and kept in the browser with y-indexeddb (so edits made offline
 * survive a reload and merge when the connection returns). Used by the meeting notes and
 * the agenda chapters' texts.
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

import { RIGHTS_CHANGED_CODES } from '../../models/collab/close-codes';

/** An open real-time document and its connection to the real-time server. */
export type LiveSession = { doc: Y.Doc; provider: WebsocketProvider };

/** Who is typing: their name and caret colour are shown to the others. */
export type LiveUser = { id: number; name: string; colour: string };

/**
 * How long to wait for the server's copy before opening the copy kept in this browser
 * instead: long enough for a slow first sync, short enough to edit offline without waiting.
 */
export const LOCAL_COPY_AFTER_MS = 3000;

/**
 * The session of document `name` for `me`; null until the document holds text worth
 * editing. An editor opened on a new, empty Y.Doc shows an empty document until the first
 * sync and then jumps to the real text, and what someone typed in between lands at the
 * top. So the session is handed out once the server's copy has arrived; or, when the
 * server cannot be reached (offline, or no answer within LOCAL_COPY_AFTER_MS), once the
 * copy kept in this browser has loaded. Until then the caller shows the stored text.
 */
export function useLiveSession(name: string, me: LiveUser): LiveSession | null {
  const [session, setSession] = useState<LiveSession | null>(null);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  // Created in an effect (StrictMode runs it twice: the first provider is destroyed again).
  useEffect(() => {
    const doc = new Y.Doc();
    // Per user: someone else signing in on this browser does not inherit these edits.
    const local = new IndexeddbPersistence(`koers:${name}:user.${me.id}`, doc);
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`;
    const provider = new WebsocketProvider(url, name, doc, { connect: false, maxBackoffTime: 5000 });
    provider.awareness.setLocalStateField('user', { id: me.id, name: me.name, color: me.colour });
    // Connect on the next tick: StrictMode's immediate clean-up then never opens a socket it must abort.
    const connecting = window.setTimeout(() => {
      if (navigator.onLine) provider.connect();
    }, 0);
    // y-websocket does not watch the network; without this, a dead socket lingers for 30 s.
    const goOffline = () => provider.disconnect();
    const goOnline = () => provider.connect();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    // The server closes with a named code when this user's rights change (a new role, a
    // deactivated account, a closed period): the page asks again what they may do, so the
    // editor turns read-only at once instead of accepting text the server drops.
    const onClose = (event: CloseEvent | null) => {
      if (event && RIGHTS_CHANGED_CODES.has(event.code)) revalidate.current();
    };
    provider.on('connection-close', onClose);

    let closed = false;
    let waited = false;
    let localLoaded = false;
    const open = () => {
      if (!closed) setSession((current) => current ?? { doc, provider });
    };
    const onSync = (synced: boolean) => {
      if (synced) open();
    };
    provider.on('sync', onSync);
    const openLocalWhenNoServer = () => {
      if (localLoaded && (waited || !navigator.onLine)) open();
    };
    void local.whenSynced.then(() => {
      localLoaded = true;
      openLocalWhenNoServer();
    });
    const giveUpWaiting = window.setTimeout(() => {
      waited = true;
      openLocalWhenNoServer();
    }, LOCAL_COPY_AFTER_MS);
    window.addEventListener('offline', openLocalWhenNoServer);
    return () => {
      closed = true;
      provider.off('connection-close', onClose);
      provider.off('sync', onSync);
      window.clearTimeout(giveUpWaiting);
      window.removeEventListener('offline', openLocalWhenNoServer);
      setSession(null);
      window.clearTimeout(connecting);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
  }, [name, me.id, me.name, me.colour]);

  return session;
}

/** A remote caret: a coloured bar with the person's name above it; hidden from screen readers (the presence list names everyone). */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name ?? '');
  caret.append(label);
  return caret;
}
