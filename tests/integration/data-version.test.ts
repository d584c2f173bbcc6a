/**
 * One database, two writing processes (docs/decisions/024): the web process's write
 * transactions are never refused because the real-time process stored a keystroke
 * meanwhile, and the workspace data version (server/live/data-version.ts, migration
 * 0019) tells their writes apart. The version moves with
 * every committed write to workspace data, by this process or any other (the real-time
 * process, a CLI), and not with keystrokes in the notes or audit-log rows. Every page
 * cache hit and every live revalidation depends on it, so a table without its triggers
 * would show stale pages after a write to it.
 */
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { recordAudit } from '../../app/models/audit/audit-log.server';
import { appendUpdates } from '../../app/models/collab/document-store.server';
import {
  actionsChangedBetween,
  forgetWorkspaceChangesUpTo,
  MAX_NAMED_ACTIONS,
  readWorkspaceVersion,
} from '../../app/models/workspace-version.server';
import { db } from '../../app/utils/db.server';
import { env } from '../../app/utils/env.server';
import { actions } from '../../db/schema';
import { workspaceDataVersion } from '../../server/live/data-version';
import { prepareDatabase } from '../setup/database';

/** Tables whose writes change no page, and so have no version triggers. */
const UNVERSIONED = [
  '__drizzle_migrations',
  'sqlite_sequence',
  'workspace_version',
  'workspace_changes',
  'audit_log',
  'collab_snapshots',
  'collab_updates',
];

let version: () => string;

beforeAll(async () => {
  await prepareDatabase({ demo: false });
  version = workspaceDataVersion();
});

/** Another connection to the same file, as the real-time process or a CLI has. */
function otherProcess() {
  const other = new Database(env.KOERS_DATABASE);
  other.pragma('busy_timeout = 5000');
  return other;
}

function oneUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('the workspace data version', () => {
  it('every table of workspace data bumps it on insert, update and delete', () => {
    const tables = db.$client
      .prepare(`select name from sqlite_master where type = 'table' and sql not like 'CREATE VIRTUAL%'`)
      .pluck()
      .all() as string[];
    const triggers = new Set(db.$client.prepare(`select name from sqlite_master where type = 'trigger'`).pluck().all() as string[]);
    const versioned = tables.filter((name) => !UNVERSIONED.includes(name) && !name.startsWith('search_index_'));
    expect(versioned.length).toBeGreaterThan(40);
    const missing = versioned.flatMap((table) =>
      ['ai', 'au', 'ad'].map((suffix) => `workspace_version_${table}_${suffix}`).filter((trigger) => !triggers.has(trigger)),
    );
    expect(missing).toEqual([]);
  });

  it('moves when this process changes an action, and stays when nothing is written', () => {
    const before = version();
    expect(version()).toBe(before);
    const action = db.select({ id: actions.id, title: actions.title }).from(actions).limit(1).get()!;
    db.update(actions)
      .set({ title: `${action.title} (gewijzigd)` })
      .where(eq(actions.id, action.id))
      .run();
    expect(version()).not.toBe(before);
  });

  it('moves when another process commits a change to workspace data', () => {
    const other = otherProcess();
    try {
      const before = version();
      other.prepare(`update actions set title = title || '.' where id = (select min(id) from actions)`).run();
      expect(version()).not.toBe(before);
    } finally {
      other.close();
    }
  });

  it('stays when keystrokes in the notes are stored, by this process or by the real-time process', () => {
    const before = version();
    appendUpdates('meeting-notes:1', [oneUpdate('hier')]);
    const other = otherProcess();
    try {
      other
        .prepare(`insert into collab_updates (document_name, seq, "update") values ('meeting-notes:1', 1000, ?)`)
        .run(Buffer.from(oneUpdate('daar')));
    } finally {
      other.close();
    }
    expect(version()).toBe(before);
  });

  it('stays when an audit row is written', () => {
    const before = version();
    recordAudit({ actorId: null, action: 'sign_out', details: { reason: 'test' } });
    expect(version()).toBe(before);
  });
});

describe('which action pages the writes between two versions changed (decision 028)', () => {
  /** What `write` changed, as the live stream reads it. */
  function changedBy(write: () => void): number[] | null {
    const from = readWorkspaceVersion();
    write();
    return actionsChangedBetween(from, readWorkspaceVersion());
  }
  const twoActions = () => db.select({ id: actions.id }).from(actions).orderBy(actions.id).limit(2).all();

  it('names both actions of a carried action: each page links to the other by its title', () => {
    const [from, carried] = twoActions();
    const both = [from.id, carried.id];
    expect(changedBy(() => db.update(actions).set({ carriedFromId: from.id }).where(eq(actions.id, carried.id)).run())).toEqual(both);
    expect(changedBy(() => db.update(actions).set({ title: 'Meegenomen' }).where(eq(actions.id, carried.id)).run())).toEqual(both);
    expect(changedBy(() => db.update(actions).set({ title: 'Afgesloten' }).where(eq(actions.id, from.id)).run())).toEqual(both);
  });

  it('reads as "any page" when part of the range was a write to another table', () => {
    const [action] = twoActions();
    const named = changedBy(() => {
      db.update(actions).set({ title: 'Eerst de actie' }).where(eq(actions.id, action.id)).run();
      db.$client.prepare(`update goals set title = title || '.' where id = (select min(id) from goals)`).run();
    });
    expect(named).toBeNull();
  });

  it('reads as "any page" once the rows of the range were forgotten, or when the version went back (a restore)', () => {
    const [action] = twoActions();
    const from = readWorkspaceVersion();
    db.update(actions).set({ title: 'Vergeten' }).where(eq(actions.id, action.id)).run();
    const to = readWorkspaceVersion();
    expect(actionsChangedBetween(from, to)).toContain(action.id);
    expect(actionsChangedBetween(to, from)).toBeNull();
    forgetWorkspaceChangesUpTo(to);
    expect(actionsChangedBetween(from, to)).toBeNull();
  });

  it('reads as "any page" when more actions changed than an event names (an import)', () => {
    const copies = 4 * db.select({ id: actions.id }).from(actions).all().length;
    expect(copies).toBeGreaterThan(MAX_NAMED_ACTIONS);
    const named = changedBy(() =>
      db.$client
        .prepare(
          `insert into actions (goal_id, agenda_id, title)
             select goal_id, agenda_id, title || ' (kopie)' from actions, (select 1 union select 2 union select 3 union select 4)`,
        )
        .run(),
    );
    expect(named).toBeNull();
  });
});

describe('two processes writing to one database', () => {
  it('a write transaction holds the write lock from its start, so the real-time process cannot commit between its read and its write', () => {
    const other = otherProcess();
    other.pragma('busy_timeout = 0');
    try {
      const action = db.select({ id: actions.id, title: actions.title }).from(actions).limit(1).get()!;
      // Deferred, the update below failed with SQLITE_BUSY_SNAPSHOT after the other
      // process's commit: a tracker change lost in the middle of a meeting.
      db.transaction((tx) => {
        tx.select({ id: actions.id }).from(actions).where(eq(actions.id, action.id)).get();
        expect(() =>
          other
            .prepare(`insert into collab_updates (document_name, seq, "update") values ('meeting-notes:2', 1, ?)`)
            .run(Buffer.from(oneUpdate('tussendoor'))),
        ).toThrow(/locked|busy/i);
        tx.update(actions)
          .set({ title: `${action.title}!` })
          .where(eq(actions.id, action.id))
          .run();
      });
      expect(db.select({ title: actions.title }).from(actions).where(eq(actions.id, action.id)).get()!.title).toBe(`${action.title}!`);
      // Once it committed, the other process writes as usual.
      other
        .prepare(`insert into collab_updates (document_name, seq, "update") values ('meeting-notes:2', 1, ?)`)
        .run(Buffer.from(oneUpdate('daarna')));
    } finally {
      other.close();
    }
  });
});
