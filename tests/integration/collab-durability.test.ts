/**
 * Persist before relay: an update that the server relayed to another client survives
 * `kill -9` of the server process. The server runs in a child process on this test
 * file's database; it is killed at a random moment while a client types.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

import { createMeeting } from '../../app/models/meetings/meeting.server';
import { prepareDatabase } from '../setup/database';
import { sessionFor } from '../setup/requests';
import {
  addParagraph,
  connectClient,
  destroyAllClients,
  docSatisfies,
  synced,
  typeInFirstParagraph,
  withTimeout,
} from './fixtures/collab-clients';

const fixture = fileURLToPath(new URL('./fixtures/collab-server.ts', import.meta.url));
const children = new Set<ChildProcess>();

/** Starts the collab server in its own process group; resolves with its websocket base URL. */
function startServerProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
    detached: true,
    env: { ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return withTimeout(
    new Promise((resolve, reject) => {
      let stdout = '';
      child.stdout!.on('data', (chunk) => {
        stdout += chunk;
        const match = /port (\d+)/.exec(stdout);
        if (match) resolve({ child, url: `ws://127.0.0.1:${match[1]}/collab` });
      });
      child.once('exit', (code) => reject(new Error(`collab server exited (${code}): ${stderr}`)));
    }),
    15_000,
    'the collab server process',
  );
}

function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid!, 'SIGKILL');
  return withTimeout(exited, 5000, 'the killed server to exit');
}

let cookieWriter: string;
let cookieReader: string;

beforeAll(async () => {
  await prepareDatabase();
  cookieWriter = await sessionFor('werkgroep.haarlem@koers.test');
  cookieReader = await sessionFor('adviseur@koers.test');
});

afterEach(() => destroyAllClients());

afterAll(async () => {
  destroyAllClients();
  for (const child of children) await killHard(child).catch(() => {});
});

it('keeps every update another client received when the server is killed with SIGKILL', { timeout: 30_000 }, async () => {
  const { id } = createMeeting({ title: 'Werkgroep juni', kind: 'werkgroep', startsAt: '2024-06-11T08:00:00.000Z', createdBy: null });
  const name = `meeting.${id}`;

  const first = await startServerProcess();
  const writer = connectClient(first.url, name, cookieWriter);
  const receiver = connectClient(first.url, name, cookieReader);
  await Promise.all([synced(writer), synced(receiver)]);

  addParagraph(writer.doc, 'Besluit: ');
  await docSatisfies(receiver.doc, () => receiver.text() === 'Besluit: ');

  // The writer types without pause; the server dies at a random moment after the
  // receiver has seen a random number of the keystrokes.
  const killAfter = 20 + Math.floor(Math.random() * 60);
  let typed = 0;
  const typing = setInterval(() => {
    for (let i = 0; i < 5; i++) typeInFirstParagraph(writer.doc, writer.text().length, String(typed++ % 10));
  }, 1);
  let received = '';
  try {
    await docSatisfies(receiver.doc, () => receiver.text().length >= 'Besluit: '.length + killAfter, 10_000, 'keystrokes at the receiver');
    received = receiver.text();
    await killHard(first.child);
  } finally {
    clearInterval(typing);
  }
  writer.destroy();
  receiver.destroy();
  expect(received.length).toBeGreaterThanOrEqual('Besluit: '.length + killAfter);

  const second = await startServerProcess();
  const fresh = connectClient(second.url, name, cookieReader);
  await synced(fresh, 10_000);
  // Everything the receiver had seen is there (and perhaps some more that was stored but not yet relayed).
  expect(fresh.text().slice(0, received.length)).toBe(received);
  await killHard(second.child);
});
