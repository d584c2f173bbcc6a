/**
 * Beside the live notes: the state of the connection to the real-time server, and who
 * is in the document (from the awareness states the y-websocket provider shares).
 */
import { useEffect, useRef, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

import { t } from '../../../i18n';

const n = t.notes;

/** Who has the notes open, as the others see them (name and caret colour). */
export type NotesUser = { id: number; name: string; colour: string };

type Status = 'connecting' | 'connected' | 'disconnected';

export function ConnectionState({ provider }: { provider: WebsocketProvider }) {
  const [status, setStatus] = useState<Status>(provider.wsconnected ? 'connected' : navigator.onLine ? 'connecting' : 'disconnected');
  useEffect(() => {
    const onStatus = ({ status: next }: { status: Status }) => {
      // While y-websocket retries, it reports disconnected between attempts; that is still "reconnecting".
      setStatus(next === 'disconnected' && provider.shouldConnect && navigator.onLine ? 'connecting' : next);
    };
    const onOffline = () => setStatus('disconnected');
    provider.on('status', onStatus);
    window.addEventListener('offline', onOffline);
    return () => {
      provider.off('status', onStatus);
      window.removeEventListener('offline', onOffline);
    };
  }, [provider]);
  const everConnected = useRef(false);
  if (status === 'connected') everConnected.current = true;
  const text =
    status === 'connected'
      ? n.connection.connected
      : status === 'disconnected'
        ? n.connection.disconnected
        : everConnected.current
          ? n.connection.connecting
          : n.connection.firstConnect;
  return (
    <div className={`notes-connection notes-connection--${status}`}>
      <span className="notes-connection__label">{n.connection.label}: </span>
      <span role="status" className="notes-connection__state">
        {text}
      </span>
      {status === 'disconnected' ? <p className="notes-connection__hint">{n.connection.offlineSaved}</p> : null}
    </div>
  );
}

type PresentUser = { id: number; name: string; color: string };

export function Presence({
  provider,
  me,
  heading = n.presence.heading,
}: {
  provider: WebsocketProvider;
  me: NotesUser;
  /** Names the document: "Nu in de notities" unless told otherwise. */
  heading?: string;
}) {
  const [people, setPeople] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    const read = () => {
      const byUser = new Map<number, PresentUser>();
      for (const [clientId, state] of awareness.getStates()) {
        const user = (state as { user?: Partial<PresentUser> }).user;
        if (!user || typeof user.name !== 'string') continue;
        const id = typeof user.id === 'number' ? user.id : -clientId;
        // One person in two tabs is one person.
        if (!byUser.has(id)) byUser.set(id, { id, name: user.name, color: String(user.color ?? '#3f4f5f') });
      }
      setPeople([...byUser.values()].sort((a, b) => (a.id === me.id ? -1 : b.id === me.id ? 1 : a.name.localeCompare(b.name, 'nl'))));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [provider, me.id]);
  return (
    <section className="notes-presence" aria-labelledby="notes-presence-title">
      <h2 id="notes-presence-title" className="notes-presence__title">
        {heading}
      </h2>
      <ul className="notes-presence__list">
        {people.map((person) => (
          <li key={person.id} className="notes-presence__person">
            <span className="notes-presence__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
            {person.id === me.id ? n.presence.you(person.name) : person.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
