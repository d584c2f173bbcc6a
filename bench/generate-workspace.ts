/**
 * Builds a large, deterministic Koers workspace in its own SQLite file for the page
 * benchmark: the fresh-installation state (migrations, organisations, the seeded
 * 2020–2024 agenda, the demo accounts and their history) plus generated users, goals,
 * actions, local accents, comments, progress updates and history rows.
 *
 *   npx tsx bench/generate-workspace.ts [file]      (default bench/.data/bench.sqlite)
 *
 * The modules in app/ read KOERS_DATABASE when they are first imported, so this file
 * sets it before importing any of them (dynamic imports only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_BENCH_DATABASE = fileURLToPath(new URL('./.data/bench.sqlite', import.meta.url));

/** Sizes of the generated workspace, per period; totals include what the seed already holds. */
export const WORKSPACE_SIZE = {
  /**
   * Agenda periods: 2020–2024 closed and 2025–2028 current, each with the sizes below
   * (issue 12). BENCH_PERIODS=1 builds the single-period workspace, to compare.
   */
  periods: process.env.BENCH_PERIODS === '1' ? 1 : 2,
  users: 40,
  goals: 60,
  actions: 2_000,
  comments: 20_000,
  history: 100_000,
  progressUpdates: 6_000,
  /** Meetings of the working group over the years, each with agenda, attendees and decisions. */
  meetings: 200,
  /** Share of generated actions that are local (belong to one municipality). */
  localShare: 0.6,
  /** One action gets this many comments and history rows, the page the benchmark measures. */
  hotActionComments: 150,
  hotActionHistory: 300,
  hotActionProgressUpdates: 40,
} as const;

/** The monitor's share of the workspace: the figures the monitor page reads. */
export const WORKSPACE_MONITOR = {
  indicators: 40,
  years: 10,
} as const;

/** Mulberry32: a small, fast, seeded PRNG so every run builds the same workspace. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}

const FIRST_NAMES = [
  'Anne',
  'Bas',
  'Carla',
  'Daan',
  'Eva',
  'Fleur',
  'Gijs',
  'Hanna',
  'Ilse',
  'Joost',
  'Karin',
  'Lars',
  'Mila',
  'Noah',
  'Olga',
  'Pim',
  'Roos',
  'Sem',
  'Tess',
  'Vera',
  'Wouter',
  'Yara',
  'Zoë',
  'Bilal',
  'Samira',
];
const LAST_NAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Yilmaz',
  'El Idrissi',
];
const VERBS = [
  'We verkennen',
  'We organiseren',
  'We evalueren',
  'We ontwikkelen',
  'We maken afspraken over',
  'We brengen in kaart',
  'We starten',
  'We borgen',
  'We bespreken',
  'We financieren',
];
const SUBJECTS = [
  'de werving van NT1-ers via huisartsen',
  'een taalcafé in de bibliotheek',
  'de inzet van taalvrijwilligers',
  'digitale vaardigheden voor ouderen',
  'het aanbod voor jongvolwassenen zonder startkwalificatie',
  'een werkgeversaanpak met Taalakkoord-partners',
  'de doorverwijzing vanuit schuldhulpverlening',
  'begrijpelijke brieven van de gemeente',
  'een ervaringspanel met deelnemers',
  'de monitoring van bereik en uitstroom',
  'de samenwerking met het CJG',
  'de certificering van de Taalhuizen',
  'een ouderprogramma voorlezen thuis',
  'taallessen op de werkvloer',
  'de regionale communicatiecampagne',
];
const DEADLINES = [
  '2021',
  'in 2022',
  'begin 2021',
  'medio 2022',
  'eind 2021',
  'eind 2023',
  'voorjaar 2022',
  'najaar 2023',
  'Q1 2022',
  'Q3 2023',
  '2e kwartaal 2024',
  'H1 2023',
  'tweede helft 2024',
  'september 2022',
  'maart 2024',
  'uiterlijk 31-12-2021',
  'uiterlijk eind 2022',
  'vanaf medio 2021',
  '2024',
  'eind 2025',
  'medio 2025',
];
const STATUSES = ['niet_gestart', 'loopt', 'loopt', 'loopt', 'besluit_nodig', 'afgerond', 'afgerond', 'vervallen'] as const;
const COMMENT_BODIES = [
  'Goed om te zien dat dit loopt. Hoe staat het met de afspraken met de bibliotheek?',
  'Kunnen we dit in het volgende periodiek overleg bespreken?',
  'Vanuit Stichting Lezen en Schrijven hebben we een handreiking die hierbij kan helpen.',
  'De planning lijkt me krap; is er al budget toegezegd?',
  'Eens, laten we dit regionaal oppakken in plaats van per gemeente.',
  'Zie ook de resultaten van de 0-meting: het bereik onder NT1-ers blijft achter.',
  'Wie is hier de trekker van? Dat staat nog niet in de actie.',
  'Dank voor de update. Ik stuur de contactgegevens van de werkgevers door.',
];
const PROGRESS_BODIES = [
  'Overleg gevoerd met de partners; vervolgafspraak staat gepland.',
  'Eerste bijeenkomst gehouden met 14 deelnemers.',
  'Concept besproken in de werkgroep; aanpassingen verwerkt.',
  'Wacht op een besluit in het bestuurlijk overleg.',
  'Offerte ontvangen en beoordeeld.',
  'Evaluatie afgerond; de resultaten delen we in de rapportage.',
];

const DAY = 86_400_000;
const HISTORY_FROM = Date.UTC(2020, 8, 1); // 2020-09-01
const HISTORY_TO = Date.UTC(2025, 5, 30); // 2025-06-30

export type WorkspaceCounts = Record<string, number>;

/** Row counts of the tables the benchmark cares about. */
export function countRows(sqlite: { prepare(sql: string): { get(): unknown } }): WorkspaceCounts {
  const tables = [
    'organisations',
    'users',
    'themes',
    'goals',
    'actions',
    'local_accents',
    'comments',
    'history',
    'progress_updates',
    'meetings',
    'agenda_points',
    'decisions',
    'agendas',
  ];
  const counts: WorkspaceCounts = {};
  for (const table of tables) counts[table] = (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return counts;
}

export async function generateWorkspace(
  file: string = DEFAULT_BENCH_DATABASE,
  log: (line: string) => void = console.log,
): Promise<WorkspaceCounts> {
  const started = Date.now();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });

  process.env.KOERS_DATABASE = file;
  const { db } = await import('../app/utils/db.server');
  const { migrateDatabase } = await import('../db/migrate');
  const { bootstrapDatabase } = await import('../db/seed/bootstrap');
  const { parseDeadline } = await import('../app/models/tracker/deadline');
  const { BREAKDOWNS } = await import('../app/models/monitor/monitor-rules');

  migrateDatabase(db);
  // Starts from 2020–2024 as the one current period; the second period is made below
  // through the period model, as a working group would (concept, carry-over, adoption).
  await bootstrapDatabase(db, { demo: true, demoPassword: 'koers-demo', demoPeriods: false });
  const sqlite = db.$client;
  const rnd = seededRandom(20_240_601);
  const iso = (ms: number) => new Date(ms).toISOString();
  const randomAt = (from = HISTORY_FROM, to = HISTORY_TO) => iso(from + Math.floor(rnd.next() * (to - from)));

  const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  const scalar = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;

  sqlite.exec('PRAGMA synchronous = OFF');
  const organisationsRows = all<{ id: number; name: string; kind: 'gemeente' | 'partner' }>(
    'select id, name, kind from organisations order by id',
  );
  const municipalities = organisationsRows.filter((o) => o.kind === 'gemeente');
  const passwordHash = (
    sqlite.prepare("select password_hash as h from users where email = 'werkgroep.haarlem@koers.test'").get() as { h: string }
  ).h;

  // --- users -------------------------------------------------------------------
  sqlite.transaction(() => {
    const insert = sqlite.prepare(
      'insert into users (email, name, password_hash, role, organisation_id, active, is_demo, created_at) values (?, ?, ?, ?, ?, 1, 0, ?)',
    );
    const existing = scalar('select count(*) as n from users');
    for (let i = existing; i < WORKSPACE_SIZE.users; i++) {
      const org = i % 3 === 2 ? rnd.pick(organisationsRows) : municipalities[i % municipalities.length]!;
      const role =
        org.kind === 'partner'
          ? rnd.pick(['adviseur', 'lezer'] as const)
          : rnd.pick(['werkgroeplid', 'werkgroeplid', 'gemeente', 'lezer'] as const);
      insert.run(
        `bench.${i}@koers.test`,
        `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`,
        passwordHash,
        role,
        org.id,
        randomAt(HISTORY_FROM, HISTORY_FROM + 90 * DAY),
      );
    }
  })();
  const userRows = all<{ id: number; role: string; organisationId: number }>(
    'select id, role, organisation_id as organisationId from users',
  );
  const editors = userRows.filter((u) => u.role === 'werkgroeplid' || u.role === 'beheerder' || u.role === 'gemeente');
  const commenters = userRows.filter((u) => u.role !== 'lezer');

  const parsedDeadlines = DEADLINES.map((phrase) => {
    const parsed = parseDeadline(phrase);
    if (!parsed.ok) throw new Error(`Bench deadline phrase does not parse: ${phrase}: ${parsed.error}`);
    return parsed.deadline;
  });

  /**
   * Fills one period to WORKSPACE_SIZE: its goals and actions (counting what was carried
   * into it), accents on its goals, and comments, progress updates and history on its
   * items up to `number` × the totals. `codePrefix` keeps new codes apart from carried ones.
   */
  type FilledPeriod = { id: number; periodStart: number; periodEnd: number; number: number; codePrefix: string };
  const fillPeriod = (period: FilledPeriod) => {
    // --- goals ------------------------------------------------------------------
    const chapters = all<{ id: number; code: string }>(
      "select id, code from themes where kind = 'onderwerp' and agenda_id = ? order by position",
      period.id,
    );
    sqlite.transaction(() => {
      const insert = sqlite.prepare(
        'insert into goals (agenda_id, theme_id, code, title, target_year, body, position, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const existing = scalar(`select count(*) as n from goals where agenda_id = ${period.id}`);
      for (let i = existing; i < WORKSPACE_SIZE.goals; i++) {
        const chapter = chapters[i % chapters.length]!;
        const year = rnd.int(period.periodStart + 1, period.periodEnd);
        insert.run(
          period.id,
          chapter.id,
          `${chapter.code}-${period.codePrefix}G${i}`,
          `In ${year} bereiken we meer inwoners met ${rnd.pick(SUBJECTS)}`,
          year,
          `Toelichting bij doel ${i}: ${rnd.pick(SUBJECTS)}.`,
          100 + i,
          randomAt(),
        );
      }
    })();
    const goalRows = all<{ id: number }>(
      "select goals.id from goals join themes on themes.id = goals.theme_id where themes.kind = 'onderwerp' and goals.agenda_id = ? order by goals.id",
      period.id,
    );

    // --- actions ----------------------------------------------------------------
    sqlite.transaction(() => {
      const insert = sqlite.prepare(
        `insert into actions (agenda_id, goal_id, code, title, description, owner_user_id, owner_organisation_id, partners, deadline_phrase, deadline_start, deadline_end, status, progress, municipality_id, position, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const existing = scalar(`select count(*) as n from actions where agenda_id = ${period.id}`);
      for (let i = existing; i < WORKSPACE_SIZE.actions; i++) {
        const local = rnd.next() < WORKSPACE_SIZE.localShare;
        const municipality = local ? rnd.pick(municipalities) : null;
        const owner = rnd.next() < 0.7 ? rnd.pick(editors) : null;
        const ownerOrganisationId = municipality?.id ?? owner?.organisationId ?? rnd.pick(organisationsRows).id;
        const deadline = rnd.next() < 0.9 ? rnd.pick(parsedDeadlines) : null;
        const status = rnd.pick(STATUSES);
        const progress = status === 'afgerond' ? 100 : status === 'niet_gestart' ? 0 : rnd.int(1, 19) * 5;
        const createdAt = randomAt(HISTORY_FROM, HISTORY_FROM + 365 * DAY);
        insert.run(
          period.id,
          rnd.pick(goalRows).id,
          `${period.codePrefix}${i}`,
          `${rnd.pick(VERBS)} ${rnd.pick(SUBJECTS)}${municipality ? ` in ${municipality.name}` : ''}`,
          `Beschrijving van actie ${i}. ${rnd.pick(COMMENT_BODIES)}`,
          owner?.id ?? null,
          ownerOrganisationId,
          rnd.next() < 0.5 ? 'Taalhuizen en bibliotheken; Stichting ABC' : '',
          deadline?.phrase ?? null,
          deadline?.start ?? null,
          deadline?.end ?? null,
          status,
          progress,
          municipality?.id ?? null,
          i,
          createdAt,
          randomAt(Date.parse(createdAt), HISTORY_TO),
        );
      }
    })();
    const actionRows = all<{ id: number; status: string; progress: number }>(
      'select id, status, progress from actions where agenda_id = ? order by id',
      period.id,
    );
    // The action page the benchmark measures: a regional action in the middle of the list.
    const hotAction = actionRows[Math.floor(actionRows.length / 2)]!;

    // --- local accents: every goal × every municipality ---------------------------
    sqlite.transaction(() => {
      const insert = sqlite.prepare(
        'insert or ignore into local_accents (goal_id, municipality_id, body, updated_at, updated_by) values (?, ?, ?, ?, ?)',
      );
      for (const goal of goalRows) {
        for (const m of municipalities) {
          const by = userRows.find((u) => u.organisationId === m.id && u.role !== 'lezer' && u.role !== 'adviseur');
          insert.run(goal.id, m.id, `${m.name} legt de nadruk op ${rnd.pick(SUBJECTS)}.`, randomAt(), by?.id ?? null);
        }
      }
    })();
    const accentRows = all<{ id: number }>(
      'select local_accents.id from local_accents join goals on goals.id = local_accents.goal_id where goals.agenda_id = ? order by local_accents.id',
      period.id,
    );

    // --- comments (threads with replies) -----------------------------------------
    sqlite.transaction(() => {
      const insert = sqlite.prepare(
        'insert into comments (target_type, target_id, parent_id, author_id, body, resolved_at, resolved_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const roots = new Map<string, number[]>();
      const add = (targetType: 'goal' | 'action' | 'accent', targetId: number) => {
        const key = `${targetType}:${targetId}`;
        const threadRoots = roots.get(key);
        const reply = threadRoots && rnd.next() < 0.35;
        const at = randomAt();
        const resolved = !reply && rnd.next() < 0.2;
        const author = rnd.pick(commenters);
        const id = insert.run(
          targetType,
          targetId,
          reply ? rnd.pick(threadRoots) : null,
          author.id,
          rnd.pick(COMMENT_BODIES),
          resolved ? at : null,
          resolved ? author.id : null,
          at,
        ).lastInsertRowid as number;
        if (!reply) roots.set(key, [...(threadRoots ?? []), id]);
      };
      for (let i = 0; i < WORKSPACE_SIZE.hotActionComments; i++) add('action', hotAction.id);
      const remaining = period.number * WORKSPACE_SIZE.comments - scalar('select count(*) as n from comments');
      for (let i = 0; i < remaining; i++) {
        const r = rnd.next();
        if (r < 0.7) add('action', rnd.pick(actionRows).id);
        else if (r < 0.9) add('goal', rnd.pick(goalRows).id);
        else add('accent', rnd.pick(accentRows).id);
      }
    })();

    // --- progress updates ----------------------------------------------------------
    sqlite.transaction(() => {
      const insert = sqlite.prepare(
        'insert into progress_updates (action_id, author_id, body, status_from, status_to, progress, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const add = (actionId: number) => {
        const statusChange = rnd.next() < 0.3;
        insert.run(
          actionId,
          rnd.pick(editors).id,
          rnd.pick(PROGRESS_BODIES),
          statusChange ? 'niet_gestart' : null,
          statusChange ? 'loopt' : null,
          rnd.next() < 0.6 ? rnd.int(1, 20) * 5 : null,
          randomAt(),
        );
      };
      for (let i = 0; i < WORKSPACE_SIZE.hotActionProgressUpdates; i++) add(hotAction.id);
      const remaining = period.number * WORKSPACE_SIZE.progressUpdates - scalar('select count(*) as n from progress_updates');
      for (let i = 0; i < remaining; i++) add(rnd.pick(actionRows).id);
    })();

    // --- history: JSON objects of the changed fields, as recordUpdate writes them ----
    const themeRows = all<{ id: number }>('select id from themes where agenda_id = ?', period.id);
    sqlite.transaction(() => {
      const insert = sqlite.prepare(
        'insert into history (entity_type, entity_id, user_id, change, before, after, at) values (?, ?, ?, ?, ?, ?, ?)',
      );
      const actionChange = (): [object, object] => {
        const r = rnd.next();
        if (r < 0.4) return [{ status: rnd.pick(STATUSES) }, { status: rnd.pick(STATUSES) }];
        if (r < 0.7) return [{ progress: rnd.int(0, 10) * 5 }, { progress: rnd.int(10, 20) * 5 }];
        if (r < 0.85) {
          const [a, b] = [rnd.pick(parsedDeadlines), rnd.pick(parsedDeadlines)];
          return [
            { deadlinePhrase: a.phrase, deadlineStart: a.start, deadlineEnd: a.end },
            { deadlinePhrase: b.phrase, deadlineStart: b.start, deadlineEnd: b.end },
          ];
        }
        return [{ title: `${rnd.pick(VERBS)} ${rnd.pick(SUBJECTS)}` }, { title: `${rnd.pick(VERBS)} ${rnd.pick(SUBJECTS)}` }];
      };
      const add = (entityType: 'theme' | 'goal' | 'action' | 'accent', entityId: number) => {
        let before: object;
        let after: object;
        if (entityType === 'action') [before, after] = actionChange();
        else if (entityType === 'accent')
          [before, after] = [{ body: `Eerdere nadruk op ${rnd.pick(SUBJECTS)}.` }, { body: `Nu nadruk op ${rnd.pick(SUBJECTS)}.` }];
        else [before, after] = [{ title: `Oude titel: ${rnd.pick(SUBJECTS)}` }, { title: `Nieuwe titel: ${rnd.pick(SUBJECTS)}` }];
        insert.run(entityType, entityId, rnd.pick(editors).id, 'update', JSON.stringify(before), JSON.stringify(after), randomAt());
      };
      for (let i = 0; i < WORKSPACE_SIZE.hotActionHistory; i++) add('action', hotAction.id);
      const remaining = period.number * WORKSPACE_SIZE.history - scalar('select count(*) as n from history');
      for (let i = 0; i < remaining; i++) {
        const r = rnd.next();
        if (r < 0.8) add('action', rnd.pick(actionRows).id);
        else if (r < 0.9) add('goal', rnd.pick(goalRows).id);
        else if (r < 0.98) add('accent', rnd.pick(accentRows).id);
        else add('theme', rnd.pick(themeRows).id);
      }
    })();
    return { actionRows, goalRows, hotAction };
  };

  const first = sqlite
    .prepare("select id, period_start as periodStart, period_end as periodEnd from agendas where status = 'vastgesteld'")
    .get() as {
    id: number;
    periodStart: number;
    periodEnd: number;
  };
  const firstFilled = fillPeriod({ ...first, number: 1, codePrefix: 'B' });
  let actionRows = firstFilled.actionRows;
  let goalRows = firstFilled.goalRows;

  // --- the second period, through the period model: a concept drafted from 2020–2024,
  // adopted with every open action decided (a third carried over, the rest closed as
  // not finished), then filled to the same size as the first.
  if (WORKSPACE_SIZE.periods === 2) {
    const { asActor } = await import('../app/models/permissions');
    const { adoptConcept, createConcept, listOpenActions } = await import('../app/models/periods/period.server');
    const { users } = await import('../db/schema');
    const { eq } = await import('drizzle-orm');
    const beheerder = asActor(db.select().from(users).where(eq(users.email, 'beheer@koers.test')).get()!);
    const concept = createConcept(beheerder, { title: 'Benchmarkagenda 2025–2028', periodStart: 2025, periodEnd: 2028 });
    if (!concept.ok) throw new Error(`Bench: concept period refused: ${concept.message}`);
    const decisions = new Map(
      listOpenActions(first.id).map((a) => [
        a.id,
        rnd.next() < 1 / 3
          ? { choice: 'meenemen' as const, reason: '' }
          : { choice: 'niet_afgerond' as const, reason: 'Niet meer gekozen voor de nieuwe agenda (benchmark).' },
      ]),
    );
    const adopted = adoptConcept(beheerder, { conceptId: concept.id, decisions });
    if (!adopted.ok) throw new Error(`Bench: adoption refused: ${adopted.message}`);
    const second = fillPeriod({ id: concept.id, periodStart: 2025, periodEnd: 2028, number: 2, codePrefix: 'C' });
    actionRows = [...actionRows, ...second.actionRows];
    goalRows = [...goalRows, ...second.goalRows];
  }

  // --- meetings: every two weeks back from 2026, with agenda points, attendees, decisions --
  sqlite.transaction(() => {
    const insertMeeting = sqlite.prepare(
      'insert into meetings (title, kind, starts_at, place, status, duration_minutes, previous_meeting_id, created_by, created_at) values (?, ?, ?, ?, ?, 120, ?, ?, ?)',
    );
    const insertPoint = sqlite.prepare(
      'insert into agenda_points (meeting_id, position, title, duration_minutes, presenter, goal_id, action_id, status) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAttendee = sqlite.prepare('insert or ignore into meeting_attendees (meeting_id, user_id, attended) values (?, ?, ?)');
    const insertDecision = sqlite.prepare(
      'insert into decisions (meeting_id, text, goal_id, action_id, created_by, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    const remaining = WORKSPACE_SIZE.meetings - scalar('select count(*) as n from meetings');
    let previous: number | null = null;
    for (let i = remaining; i > 0; i--) {
      const startsAt = HISTORY_TO - (i - 5) * 14 * DAY; // the last five are still planned
      const kind = i % 6 === 0 ? 'bestuurlijk' : i % 5 === 0 ? 'kennisdeling' : 'werkgroep';
      const held = startsAt < HISTORY_TO;
      const meetingId: number = Number(
        insertMeeting.run(
          `Overleg ${kind} ${new Date(startsAt).toISOString().slice(0, 10)}`,
          kind,
          iso(startsAt),
          rnd.pick(['Stadhuis Haarlem', 'Online (Teams)', 'Bibliotheek Velsen']),
          held ? 'gehouden' : 'gepland',
          previous,
          rnd.pick(editors).id,
          iso(startsAt - 14 * DAY),
        ).lastInsertRowid,
      );
      previous = meetingId;
      for (let p = 0; p < 5; p++) {
        const action = rnd.pick(actionRows);
        insertPoint.run(
          meetingId,
          p,
          `${rnd.pick(VERBS)} ${rnd.pick(SUBJECTS)}`,
          rnd.int(1, 4) * 10,
          rnd.pick(['Werkgroep', 'Taalhuis', 'Stichting Lezen en Schrijven']),
          rnd.pick(goalRows).id,
          action.id,
          held ? 'afgerond' : 'open',
        );
      }
      for (let a = 0; a < 6; a++) insertAttendee.run(meetingId, rnd.pick(editors).id, held ? (rnd.next() < 0.85 ? 1 : 0) : null);
      if (held)
        for (let d = 0; d < 2; d++)
          insertDecision.run(
            meetingId,
            `Besluit: ${rnd.pick(VERBS)} ${rnd.pick(SUBJECTS)}`,
            rnd.pick(goalRows).id,
            null,
            rnd.pick(editors).id,
            iso(startsAt + 3_600_000),
          );
    }
  })();

  // --- the monitor (issue 13): 40 indicators × 10 years × the region and 7 municipalities, each
  // figure with its total and the LBV breakdowns, and targets per period -------------------------
  sqlite.transaction(() => {
    const insertIndicator = sqlite.prepare(
      "insert into monitor_indicators (code, name, level, unit, source, monitor, counted_per, definition, position) values (?, ?, ?, ?, 'Qwasp', ?, ?, '', ?)",
    );
    const insertFigure = sqlite.prepare(
      'insert into monitor_figures (indicator_id, municipality_id, area_key, year, breakdown_key, value, source, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertTarget = sqlite.prepare(
      'insert into monitor_targets (indicator_id, agenda_id, municipality_id, area_key, year, value) values (?, ?, ?, ?, ?, ?)',
    );
    const agendas = all<{ id: number; period_end: number }>('select id, period_end from agendas');
    const areas: (number | null)[] = [null, ...municipalities.map((m) => m.id)];
    const breakdownKeys = Object.entries(BREAKDOWNS).flatMap(([dimension, categories]) => categories.map((c) => `${dimension}/${c}`));
    for (let i = 1; i <= WORKSPACE_MONITOR.indicators; i++) {
      const unit = i % 3 === 0 ? 'percentage' : 'count';
      const level = ['input', 'output', 'outcome'][i % 3];
      const code = `BENCH-${String(i).padStart(2, '0')}`;
      const id = Number(
        insertIndicator.run(
          code,
          `Benchmarkindicator ${i}`,
          level,
          unit,
          i % 4 === 0 ? 'national' : 'regional',
          i % 2 ? 'record' : 'person',
          100 + i,
        ).lastInsertRowid,
      );
      for (const area of areas) {
        for (let year = 2020; year < 2020 + WORKSPACE_MONITOR.years; year++) {
          const value = unit === 'percentage' ? Math.floor(rnd.next() * 1000) : Math.floor(rnd.next() * 5000);
          insertFigure.run(id, area, area ?? 0, year, '', value, 'Qwasp', randomAt());
          for (const key of breakdownKeys)
            insertFigure.run(id, area, area ?? 0, year, key, Math.floor(value * rnd.next()), 'Qwasp', randomAt());
        }
        for (const agenda of agendas) insertTarget.run(id, agenda.id, area, area ?? 0, agenda.period_end, Math.floor(rnd.next() * 5000));
      }
    }
  })();

  sqlite.exec('ANALYZE');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const counts = countRows(sqlite);
  sqlite.close();
  log(`Werkruimte gegenereerd in ${((Date.now() - started) / 1000).toFixed(1)} s: ${file}`);
  log(
    Object.entries(counts)
      .map(([table, n]) => `${table} ${n}`)
      .join(', '),
  );
  return counts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generateWorkspace(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_BENCH_DATABASE);
}
