/**
 * The whole database schema of Koers. `npm run db:generate` turns changes here into a
 * committed migration in db/migrations (never edit those by hand).
 *
 * Conventions: snake_case table and column names; timestamps are ISO-8601 UTC strings
 * (`2021-05-01T09:30:00.000Z`), calendar dates are 'YYYY-MM-DD' strings, so both sort
 * correctly as text and read well in the sqlite3 shell.
 */
import { sql } from 'drizzle-orm';
import { ACTION_STATUSES } from '../app/models/action-status';
import { COMMENT_TARGETS, type CommentTarget } from '../app/models/comment-target';
import { ROLES } from '../app/models/permissions';
import { type AnySQLiteColumn, blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** 'gemeente' for the seven municipalities, 'partner' for everyone else. */
    kind: text('kind', { enum: ['gemeente', 'partner'] }).notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('organisations_name_unique').on(t.name)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** scrypt hash, see app/models/password.server.ts; null until an invite is accepted. */
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_organisation_idx').on(t.organisationId)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** Random 256-bit id; the cookie holds only this. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed logins, counted per account and per address to throttle guessing. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'email:<address>' or 'ip:<address>'. */
    key: text('key').notNull(),
    at: text('at').notNull().default(now),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
);

export const invites = sqliteTable(
  'invites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SHA-256 of the one-time token; the token itself is only in the link. */
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('invites_token_hash_unique').on(t.tokenHash)],
);

export const agendas = sqliteTable('agendas', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  body: text('body').notNull().default(''),
  createdAt: text('created_at').notNull().default(now),
});

/** A chapter of the agenda: a tracked subject (onderwerp), a precondition or context. */
export const themes = sqliteTable(
  'themes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaId: integer('agenda_id')
      .notNull()
      .references(() => agendas.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['onderwerp', 'randvoorwaarde', 'context'] }).notNull(),
    body: text('body').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('themes_agenda_code_unique').on(t.agendaId, t.code)],
);

export const goals = sqliteTable(
  'goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    targetYear: integer('target_year'),
    body: text('body').notNull().default(''),
    position: integer('position').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('goals_code_unique').on(t.code), index('goals_theme_idx').on(t.themeId)],
);

export const actions = sqliteTable(
  'actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    /** Stable key used by the agenda import; null for actions created in Koers. */
    code: text('code'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerUserId: integer('owner_user_id').references(() => users.id),
    ownerOrganisationId: integer('owner_organisation_id').references(() => organisations.id),
    /** Partner names as written, '; '-separated (partners are often not organisations in Koers). */
    partners: text('partners').notNull().default(''),
    /** The deadline phrase as written ("medio 2022") and the window derived from it. */
    deadlinePhrase: text('deadline_phrase'),
    deadlineStart: text('deadline_start'),
    deadlineEnd: text('deadline_end'),
    status: text('status', { enum: ACTION_STATUSES })
      .notNull()
      .default('niet_gestart'),
    progress: integer('progress').notNull().default(0),
    /** Null: a regional action. Otherwise the municipality whose local action this is. */
    municipalityId: integer('municipality_id').references(() => organisations.id),
    position: integer('position').notNull().default(0),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('actions_code_unique').on(t.code),
    index('actions_goal_idx').on(t.goalId, t.position),
    index('actions_status_idx').on(t.status),
    index('actions_owner_user_idx').on(t.ownerUserId),
    index('actions_owner_org_idx').on(t.ownerOrganisationId),
    index('actions_municipality_idx').on(t.municipalityId),
    index('actions_deadline_end_idx').on(t.deadlineEnd),
  ],
);

/** A progress report on an action, optionally changing its status and percentage. */
export const progressUpdates = sqliteTable(
  'progress_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    statusFrom: text('status_from'),
    statusTo: text('status_to'),
    progress: integer('progress'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('progress_updates_action_idx').on(t.actionId, t.createdAt)],
);

/** What one municipality emphasises for one goal ("lokaal accent"). */
export const localAccents = sqliteTable(
  'local_accents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => organisations.id),
    body: text('body').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(now),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('local_accents_goal_municipality_unique').on(t.goalId, t.municipalityId)],
);

export { COMMENT_TARGETS, type CommentTarget };

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetType: text('target_type', { enum: COMMENT_TARGETS }).notNull(),
    targetId: integer('target_id').notNull(),
    /** Null for a thread's first comment; replies point at it. */
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    editedAt: text('edited_at'),
  },
  (t) => [index('comments_target_idx').on(t.targetType, t.targetId, t.createdAt)],
);

export const HISTORY_ENTITIES = ['theme', 'goal', 'action', 'accent'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** Every change to the agenda: who, when, and the changed fields before and after. */
export const history = sqliteTable(
  'history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entityType: text('entity_type', { enum: HISTORY_ENTITIES }).notNull(),
    entityId: integer('entity_id').notNull(),
    /** Null for changes made by the import or the system. */
    userId: integer('user_id').references(() => users.id),
    /** 'create' | 'update' | 'delete' | 'import' */
    change: text('change').notNull(),
    /** JSON objects holding only the fields that changed. */
    before: text('before'),
    after: text('after'),
    at: text('at').notNull().default(now),
  },
  (t) => [index('history_entity_idx').on(t.entityType, t.entityId, t.at), index('history_at_idx').on(t.at)],
);

export const MEETING_KINDS = ['werkgroep', 'bestuurlijk', 'kennisdeling'] as const;
export const MEETING_STATUSES = ['gepland', 'gehouden', 'vastgesteld'] as const;

/** A meeting ("overleg"); its notes are the real-time document `meeting.<id>`. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    /** ISO-8601 UTC timestamp. */
    startsAt: text('starts_at').notNull(),
    /** A place or an online link. */
    place: text('place').notNull().default(''),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('gepland'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('meetings_starts_at_idx').on(t.startsAt)],
);

/**
 * The update log of the real-time documents: every Yjs update is appended here before
 * it is relayed to other clients (docs/decisions/006-realtime-persistence.md).
 */
export const collabUpdates = sqliteTable(
  'collab_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `<kind>.<id>`, e.g. `meeting.12`. */
    documentName: text('document_name').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('collab_updates_document_idx').on(t.documentName, t.id)],
);

/** A compacted document: its Yjs state up to `last_update_id`, and what is derived from it. */
export const collabSnapshots = sqliteTable('collab_snapshots', {
  documentName: text('document_name').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  /** The highest collab_updates.id merged into `state`. */
  lastUpdateId: integer('last_update_id').notNull(),
  /** Plain text of the notes (minutes, search, export). */
  text: text('text').notNull().default(''),
  /** Tiptap/ProseMirror-compatible JSON of the notes, or null when there is no content. */
  json: text('json'),
  updatedAt: text('updated_at').notNull().default(now),
});
