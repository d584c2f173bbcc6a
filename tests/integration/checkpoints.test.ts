/**
 * The server checkpoints in a worker thread (server/checkpoints.ts) and turns SQLite's own
 * checkpoints off. Under steady writing, such as a meeting typing without pause, the
 * write-ahead log must still stay bounded, and nothing written may be lost.
 */
import fs from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { appendUpdates, loadDocumentState } from '../../app/models/collab/document-store.server';
import { db } from '../../app/utils/db.server';
import { type BackgroundCheckpoints, startBackgroundCheckpoints } from '../../server/checkpoints';
import { prepareDatabase } from '../setup/database';
import { addParagraph, textOfState } from './fixtures/collab-clients';

const file = process.env.KOERS_DATABASE!;
const walBytes = () => fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 1));

let checkpoints: BackgroundCheckpoints;
beforeAll(async () => {
  await prepareDatabase({ demo: false });
  checkpoints = startBackgroundCheckpoints(db, { file, intervalMs: 50, maxWalBytes: 256 * 1024 });
});
afterAll(() => checkpoints.stop());

describe('background checkpoints', () => {
  it('keep the log bounded while keystrokes are stored without pause, and lose none of them', async () => {
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => appendUpdates('meeting.1', [update]));
    let largest = 0;
    let paragraphs = 0;
    // 15,000 keystrokes as fast as they come, each its own commit of a page or more:
    // without checkpoints a log of some 60 MB.
    while (paragraphs < 15_000) {
      for (let i = 0; i < 50; i++) addParagraph(doc, `Regel ${++paragraphs}`);
      largest = Math.max(largest, walBytes());
      await nextTurn();
    }
    // The bound is 256 KB plus what is written between two checkpoints; generous, as
    // parallel test files compete with the checkpoint thread for the CPU.
    expect(largest).toBeLessThan(24 * 1024 * 1024);

    const lines = textOfState(loadDocumentState('meeting.1')).split('\n');
    expect(lines).toHaveLength(paragraphs);
    expect(lines.at(-1)).toBe(`Regel ${paragraphs}`);
  });
});
