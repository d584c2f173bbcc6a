/**
 * The real-time server in its own process (server/collab/child.ts and process.ts,
 * docs/decisions/024): the notes work through Koers' one port, the process that serves
 * them is not the one that renders pages, and when it dies the pages go on, a new one
 * starts, the editors reconnect by themselves and nothing typed is lost. Stopping Koers
 * stops it too.
 */
import fs from 'node:fs';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { getDocumentSnapshot, loadDocumentState } from '../../app/models/collab/document-store.server';
import { createMeeting } from '../../app/models/meetings/meeting.server';
import { notesDocumentName } from '../../app/models/meetings/notes/notes-nodes';
import { env } from '../../app/utils/env.server';
import { prepareDatabase } from '../setup/database';
import { addParagraph, connectClient, destroyAllClients, docSatisfies, eventually, synced, textOfState } from './fixtures/collab-clients';
import { childProcessesOf, killAllKoers, type Koers, login, startKoers, stopKoers } from './fixtures/koers-process';

let notesName: string;

beforeAll(async () => {
  await prepareDatabase();
  notesName = notesDocumentName(
    createMeeting({ title: 'Werkgroep in twee processen', kind: 'werkgroep', startsAt: '2024-09-10T08:00:00.000Z', createdBy: null }).id,
  );
});

afterAll(() => {
  destroyAllClients();
  killAllKoers();
});

const realtimeProcesses = (koers: Koers) => childProcessesOf(koers).filter((p) => p.command.includes('collab/process.ts'));
/** Whether the process still runs (an exited one may linger as a zombie until it is reaped). */
const isRunning = (pid: number) => {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

it(
  'serves the notes from a process of its own, which comes back after a crash without losing what was typed',
  { timeout: 120_000 },
  async () => {
    const koers = await startKoers(env.KOERS_DATABASE, undefined);
    const writerCookie = await login(koers, 'werkgroep.haarlem@koers.test');
    const readerCookie = await login(koers, 'adviseur@koers.test');

    const [realtime] = realtimeProcesses(koers);
    expect(realtime).toBeDefined();
    expect(realtime.pid).not.toBe(koers.child.pid);

    const writer = connectClient(koers.collabUrl, notesName, writerCookie);
    const reader = connectClient(koers.collabUrl, notesName, readerCookie);
    await Promise.all([synced(writer, 20_000), synced(reader, 20_000)]);
    addParagraph(writer.doc, 'Voor de storing.');
    await docSatisfies(reader.doc, () => reader.text().includes('Voor de storing.'));

    process.kill(realtime.pid, 'SIGKILL');
    // The web process keeps serving pages meanwhile.
    const overview = await fetch(`${koers.origin}/`, { headers: { cookie: readerCookie } });
    expect(overview.status).toBe(200);

    await eventually(() => realtimeProcesses(koers).some((p) => p.pid !== realtime.pid), 20_000, 'a new real-time process');
    // y-websocket reconnects on its own; what the writer types now reaches the reader through the new process.
    addParagraph(writer.doc, 'Na de storing.');
    await docSatisfies(reader.doc, () => reader.text().includes('Na de storing.'), 20_000, 'the text typed after the restart');
    const stored = textOfState(loadDocumentState(notesName));
    expect(stored).toContain('Voor de storing.');
    expect(stored).toContain('Na de storing.');

    const [restarted] = realtimeProcesses(koers);
    writer.destroy();
    reader.destroy();
    await stopKoers(koers);
    expect(isRunning(restarted.pid)).toBe(false);
    // It stored and compacted the notes on the way out.
    expect(getDocumentSnapshot(notesName)?.text).toContain('Na de storing.');
  },
);
