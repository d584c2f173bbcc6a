import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { exportAgendaText, importAgendaText, type ImportResult, type ImportSummary } from '../../app/models/tracker/agenda-import.server';
import { type Db, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { actions, goals, history, organisations, themes } from '../../db/schema';
import { bootstrapDatabase, SEED_AGENDA_FILE } from '../../db/seed/bootstrap';
import type { CliIo } from '../../scripts/cli-io';
import { runExport } from '../../scripts/export-agenda';
import { runImport } from '../../scripts/import-agenda';
import { prepareDatabase } from '../setup/database';

const SEED = fs.readFileSync(SEED_AGENDA_FILE, 'utf8');

let db: Db;
beforeAll(async () => {
  // Without the demo: the database then holds exactly the seed file.
  db = await prepareDatabase({ demo: false });
});

function importOk(text: string, target: Db = db): ImportSummary {
  const result = importAgendaText(target, text, { userId: null });
  if (!result.ok) throw new Error(result.errors.map((e) => `regel ${e.line}: ${e.message}`).join('\n'));
  return result.summary;
}

function importFailed(text: string, target: Db = db) {
  const result: ImportResult = importAgendaText(target, text, { userId: null });
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

/** The line (1-based) of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string) {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`not found: ${needle}`);
  return index + 1;
}

/** Row counts of every table and a checksum of every row of the agenda tables. */
function snapshot(target: Db = db) {
  const sqlite = target.$client;
  const tables = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .all() as { name: string }[];
  const counts = Object.fromEntries(
    tables.map(({ name }) => [name, (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]),
  );
  const checksum = (table: string) =>
    createHash('sha256')
      .update(JSON.stringify(sqlite.prepare(`select * from ${table} order by id`).all()))
      .digest('hex');
  return {
    counts,
    actions: checksum('actions'),
    goals: checksum('goals'),
    themes: checksum('themes'),
    agendas: checksum('agendas'),
    history: checksum('history'),
  };
}

const historyCount = () => db.$client.prepare('select count(*) as n from history').get() as { n: number };
const actionByCode = (code: string, target: Db = db) => target.select().from(actions).where(eq(actions.code, code)).get()!;
const orgId = (name: string) => db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get()!.id;

function collectingIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) };
  return { out, io };
}

function tempFile(name: string, text?: string) {
  const file = path.join(os.tmpdir(), `koers-agenda-${randomUUID()}-${name}`);
  if (text !== undefined) fs.writeFileSync(file, text);
  return file;
}

describe('the seeded agenda on a fresh database', () => {
  it('holds every chapter, goal and action of the seed file', () => {
    expect(db.select().from(themes).all()).toHaveLength(13);
    expect(db.select().from(goals).all()).toHaveLength(8);
    expect(db.select().from(actions).all()).toHaveLength(17);
  });

  it('links the trekker to the organisation and derives the deadline window', () => {
    expect(actionByCode('1.2-A2')).toMatchObject({
      ownerOrganisationId: orgId('Haarlem'),
      deadlinePhrase: 'vanaf medio 2021',
      deadlineStart: '2021-05-01', // medio = May–August (docs/decisions/002)
      deadlineEnd: null,
      partners: 'de gemeenten van onze regio',
      status: 'niet_gestart',
    });
    expect(actionByCode('1.2-A1')).toMatchObject({
      ownerOrganisationId: null,
      deadlinePhrase: 'uiterlijk 31-12-2021',
      deadlineEnd: '2021-12-31',
    });
    const goal = db.select().from(goals).where(eq(goals.code, '1.2-A')).get()!;
    const chapter = db.select().from(themes).where(eq(themes.id, goal.themeId)).get()!;
    expect(chapter).toMatchObject({ code: '1.2', kind: 'context' });
    expect(goal.targetYear).toBe(2021);
  });

  it('records the import in history', () => {
    const rows = db.select().from(history).all();
    expect(rows).toHaveLength(13 + 8 + 17);
    expect(rows.every((r) => r.change === 'import' && r.userId === null)).toBe(true);
  });
});

describe('round trip', () => {
  it('exports exactly the seed file', () => {
    expect(exportAgendaText(db)).toBe(SEED);
  });

  it('imports the export again without changing anything', () => {
    const before = snapshot();
    const summary = importOk(exportAgendaText(db)!);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 13 + 8 + 17, changes: [], notInFile: [] });
    expect(snapshot()).toEqual(before);
    // And once more with the file itself.
    expect(importOk(SEED)).toMatchObject({ created: 0, updated: 0 });
    expect(snapshot()).toEqual(before);
  });
});

describe('an edited file', () => {
  it('updates exactly what changed, with history', () => {
    const a3Before = actionByCode('1.3.a-A3');
    const b1Before = actionByCode('1.3.c-B1');
    const untouched = actionByCode('1.3.d-A1');
    const historyBefore = historyCount().n;

    const edited = SEED.replace('termijn: medio 2022', 'termijn: eind 2022')
      .replace(
        '#### Actie 1.3.c-B1: We verkennen in 2021 de mogelijkheden van een online platform',
        '#### Actie 1.3.c-B1: We verkennen de mogelijkheden van een online platform',
      )
      .replace(
        '## 1.3.d Monitoring',
        '#### Actie 1.3.c-C2: We richten het ervaringspanel in\ntermijn: Q1 2022\ntrekker: Stichting ABC\n\n## 1.3.d Monitoring',
      );
    expect(edited).not.toBe(SEED);

    const summary = importOk(edited);
    expect(summary).toMatchObject({
      created: 1,
      updated: 2,
      unchanged: 13 + 8 + 17 - 2,
      createdCodes: ['1.3.c-C2'],
      changes: [
        { code: '1.3.a-A3', fields: ['deadlinePhrase', 'deadlineStart', 'deadlineEnd'] },
        { code: '1.3.c-B1', fields: ['title'] },
      ],
      notInFile: [],
    });

    const a3 = actionByCode('1.3.a-A3');
    expect(a3).toMatchObject({
      deadlinePhrase: 'eind 2022',
      deadlineStart: '2022-10-01',
      deadlineEnd: '2022-12-31',
      title: a3Before.title,
    });
    expect(a3.updatedAt > a3Before.updatedAt).toBe(true);
    expect(actionByCode('1.3.c-B1').title).toBe('We verkennen de mogelijkheden van een online platform');
    expect(actionByCode('1.3.d-A1')).toEqual(untouched);
    const created = actionByCode('1.3.c-C2');
    expect(created).toMatchObject({
      title: 'We richten het ervaringspanel in',
      ownerOrganisationId: orgId('Stichting ABC'),
      status: 'niet_gestart',
      progress: 0,
    });
    expect(created.goalId).toBe(actionByCode('1.3.c-C1').goalId);

    const newRows = db.select().from(history).all().slice(historyBefore);
    expect(newRows.map((r) => [r.entityType, r.entityId, r.change])).toEqual([
      ['action', a3Before.id, 'import'],
      ['action', b1Before.id, 'import'],
      ['action', created.id, 'import'],
    ]);
    expect(JSON.parse(newRows[0].before!)).toMatchObject({ deadlinePhrase: 'medio 2022' });
    expect(JSON.parse(newRows[0].after!)).toMatchObject({ deadlinePhrase: 'eind 2022' });
    expect(JSON.parse(newRows[1].before!)).toEqual({ title: b1Before.title });

    // The edited file is now what the database holds.
    expect(exportAgendaText(db)).toBe(edited);
    expect(importOk(edited)).toMatchObject({ created: 0, updated: 0 });
  });

  it('reports items that the file no longer holds and keeps them', () => {
    const withoutC2 = exportAgendaText(db)!.replace(/#### Actie 1\.3\.c-C2:[^]*?(?=\n## )/, '');
    const before = snapshot();
    const summary = importOk(withoutC2);
    expect(summary).toMatchObject({ created: 0, updated: 0, notInFile: ['1.3.c-C2'] });
    expect(snapshot()).toEqual(before);
    expect(actionByCode('1.3.c-C2')).toBeDefined();
  });
});

describe('a rejected file leaves the database as it was', () => {
  it('reports a malformed file with the line number', () => {
    const before = snapshot();
    const broken = SEED.replace('#### Actie 1.3.a-A2:', '##### Actie 1.3.a-A2:').replace(
      'termijn: besluit eind 2021',
      'termijn: binnenkort',
    );
    const errors = importFailed(broken);
    expect(errors).toEqual([
      expect.objectContaining({ line: lineOf(broken, '##### Actie 1.3.a-A2:'), message: expect.stringContaining('kopniveau #####') }),
      expect.objectContaining({ line: lineOf(broken, 'termijn: binnenkort'), message: expect.stringContaining('"binnenkort"') }),
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('rejects an unknown trekker, naming the known organisations', () => {
    const before = snapshot();
    const text = exportAgendaText(db)!
      .replace('trekker: Haarlem', 'trekker: Gemeente Utopia')
      .replace('termijn: eind 2022', 'termijn: 2023');
    const errors = importFailed(text);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(lineOf(text, 'trekker: Gemeente Utopia'));
    expect(errors[0].message).toMatch(/^onbekende organisatie "Gemeente Utopia" bij trekker; bekende organisaties: .*Haarlem.*Zandvoort/);
    expect(snapshot()).toEqual(before);
  });

  it('rolls back everything when the database refuses a change halfway', () => {
    const before = snapshot();
    // A trigger refuses one new goal, which comes after a changed action in the file.
    db.$client.exec(
      "create temp trigger refuse_goal before insert on goals when new.code = '3.3.a-X' begin select raise(abort, 'refused'); end",
    );
    try {
      const text = exportAgendaText(db)!.replace('termijn: eind 2022', 'termijn: 2023') + '\n### Doel 3.3.a-X: Nieuw doel\n';
      // The goal lands in the last chapter ("slot"), after earlier changes were already written.
      expect(() => importAgendaText(db, text, { userId: null })).toThrow(/refused/);
    } finally {
      db.$client.exec('drop trigger refuse_goal');
    }
    expect(snapshot()).toEqual(before);
  });
});

describe('tracker state', () => {
  it('survives a re-import that changes the plan', () => {
    const id = actionByCode('1.3.b-A1').id;
    db.update(actions).set({ status: 'loopt', progress: 40 }).where(eq(actions.id, id)).run();
    const edited = exportAgendaText(db)!.replaceAll('termijn: besluit in 2021', 'termijn: besluit medio 2021');
    const summary = importOk(edited);
    expect(summary.changes.map((c) => c.code)).toEqual(['1.3.b-A1', '1.3.b-A2']);
    expect(actionByCode('1.3.b-A1')).toMatchObject({ status: 'loopt', progress: 40, deadlinePhrase: 'besluit medio 2021' });
  });

  it('keeps local actions and actions made in Koers (K<id>) apart', () => {
    const { goalId, agendaId } = actionByCode('1.3.a-A1');
    const local = db
      .insert(actions)
      .values({ goalId, agendaId, title: 'Lokale actie Zandvoort', municipalityId: orgId('Zandvoort'), position: 100 })
      .returning({ id: actions.id })
      .get().id;
    db.update(actions)
      .set({ code: `K${local}` })
      .where(eq(actions.id, local))
      .run();
    const koers = db
      .insert(actions)
      .values({ goalId, agendaId, title: 'Nieuwe regionale actie', position: 101 })
      .returning({ id: actions.id })
      .get().id;
    db.update(actions)
      .set({ code: `K${koers}` })
      .where(eq(actions.id, koers))
      .run();

    const text = exportAgendaText(db)!;
    expect(text).not.toContain('Lokale actie Zandvoort');
    expect(text).toContain(`#### Actie K${koers}: Nieuwe regionale actie`);
    const before = snapshot();
    expect(importOk(text)).toMatchObject({ created: 0, updated: 0, notInFile: [] });
    expect(snapshot()).toEqual(before);

    // A local action's code cannot be claimed by the agenda file.
    const claimed = text.replace(`#### Actie K${koers}:`, `#### Actie K${local}:`);
    const errors = importFailed(claimed);
    expect(errors).toEqual([{ line: lineOf(claimed, `#### Actie K${local}:`), message: expect.stringContaining('lokale actie') }]);
    expect(snapshot()).toEqual(before);
  });
});

describe('with the demo workspace', () => {
  it('exports and re-imports without changing anything', async () => {
    const file = tempFile('demo.sqlite');
    const demoDb = openDatabase(file);
    try {
      migrateDatabase(demoDb);
      await bootstrapDatabase(demoDb, { demo: true, demoPassword: 'koers-demo' });
      const before = snapshot(demoDb);
      const text = exportAgendaText(demoDb)!;
      expect(importOk(text, demoDb)).toMatchObject({ created: 0, updated: 0, notInFile: [] });
      expect(snapshot(demoDb)).toEqual(before);
    } finally {
      demoDb.$client.close();
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  });
});

describe('the command-line functions', () => {
  it('export writes the agenda to a file or to standard output', () => {
    const { out, io } = collectingIo();
    expect(runExport(db, undefined, io)).toBe(0);
    expect(out.stdout).toBe(exportAgendaText(db));

    const file = tempFile('export.md');
    const second = collectingIo();
    expect(runExport(db, file, second.io)).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(exportAgendaText(db));
    expect(second.out.stdout).toContain(file);
    fs.rmSync(file);
  });

  it('import prints the summary and what changed', () => {
    const file = tempFile('import.md', exportAgendaText(db)!.replaceAll('termijn: besluit medio 2021', 'termijn: besluit eind 2021'));
    const { out, io } = collectingIo();
    expect(runImport(db, file, io)).toBe(0);
    expect(out.stdout).toMatch(/^0 nieuw, 2 gewijzigd, \d+ ongewijzigd\n/);
    expect(out.stdout).toContain('gewijzigd: 1.3.b-A1 (termijn)\n');
    expect(out.stdout).toContain('gewijzigd: 1.3.b-A2 (termijn)\n');
    expect(out.stderr).toBe('');

    const again = collectingIo();
    expect(runImport(db, file, again.io)).toBe(0);
    expect(again.out.stdout).toMatch(/^0 nieuw, 0 gewijzigd, \d+ ongewijzigd\n$/);
    fs.rmSync(file);
  });

  it('import prints each error with its line and changes nothing', () => {
    const text = exportAgendaText(db)!.replace('trekker: Haarlem', 'trekker: Utopia');
    const file = tempFile('bad.md', text);
    const before = snapshot();
    const { out, io } = collectingIo();
    expect(runImport(db, file, io)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`regel ${lineOf(text, 'trekker: Utopia')}: onbekende organisatie "Utopia" bij trekker`);
    expect(out.stderr).toContain('er is niets geïmporteerd');
    expect(snapshot()).toEqual(before);
    fs.rmSync(file);

    const missing = collectingIo();
    expect(runImport(db, undefined, missing.io)).toBe(1);
    expect(missing.out.stderr).toContain('Gebruik: npm run import -- <bestand.md>');
    const unreadable = collectingIo();
    expect(runImport(db, tempFile('does-not-exist.md'), unreadable.io)).toBe(1);
    expect(unreadable.out.stderr).toContain('niet lezen');
  });
});
