/**
 * The whole database schema of Koers. `npm run db:generate` turns changes here into a
 * committed migration in db/migrations (never edit those by hand).
 *
 * Conventions: snake_case table and column names; timestamps are ISO-8601 UTC strings
 * (`2021-05-01T09:30:00.000Z`), calendar dates are 'YYYY-MM-DD' strings, so both sort
 * correctly as text and read well in the sqlite3 shell.
 */
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

import { COMMENT_TARGETS, type CommentTarget } from '../app/models/comments/comment-target';
import { ALLOCATION_PURPOSES, COMMITMENT_KINDS, STREAM_KINDS } from '../app/models/finance/finance-rules';
import { LIBRARY_KINDS, LIBRARY_LINK_TARGETS, TARGET_GROUPS } from '../app/models/library/library-rules';
import { COUNTED_PER, INDICATOR_LEVELS, INDICATOR_UNITS, MONITOR_KINDS } from '../app/models/monitor/monitor-rules';
import { EMAIL_MODES, NOTIFICATION_KINDS } from '../app/models/notifications/notification-kinds';
import { PERIOD_OUTCOMES, PERIOD_STATUSES } from '../app/models/periods/period-rules';
import { ROLES } from '../app/models/permissions';
import { ACTION_STATUSES } from '../app/models/tracker/action-status';

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
    /** scrypt hash, see app/models/accounts/password.server.ts; null until an invite is accepted. */
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    /** Secret in the user's calendar feed URL (/kalender/<token>.ics); renewable, null until asked for. */
    calendarToken: text('calendar_token'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_organisation_idx').on(t.organisationId),
    uniqueIndex('users_calendar_token_unique').on(t.calendarToken),
  ],
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

/**
 * Two-factor sign-in (TOTP) of a password account; docs/decisions/018-two-factor.md.
 * One row per user: `enabledAt` null while the person is still setting it up (the seed
 * shown, no code confirmed yet). The seed is encrypted (app/utils/secret-box.server.ts).
 */
export const twoFactor = sqliteTable('two_factor', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** AES-256-GCM ciphertext of the base32 seed, bound to this user. */
  secretEncrypted: text('secret_encrypted').notNull(),
  enabledAt: text('enabled_at'),
  /** The 30-second step of the last code accepted: a code of that step or earlier is refused (replay). */
  lastUsedStep: integer('last_used_step'),
  createdAt: text('created_at').notNull().default(now),
});

/** One-time recovery codes, SHA-256 hashed; a used code keeps its row with `usedAt`. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId), uniqueIndex('recovery_codes_hash_unique').on(t.userId, t.codeHash)],
);

/** Per role: must its people sign in with a second factor? No row: the default (app/models/accounts/two-factor-policy.server.ts). */
export const twoFactorRequirements = sqliteTable('two_factor_requirements', {
  role: text('role', { enum: ROLES }).primaryKey(),
  required: integer('required', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: integer('updated_by').references(() => users.id),
});

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

/**
 * One-time links to choose a new password: asked for by e-mail on /wachtwoord-vergeten
 * (created_by null) or made by a beheerder on the user's page. Like invites, only the
 * token's SHA-256 is stored; a link works once and expires (see password-reset.server.ts).
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('password_resets_token_hash_unique').on(t.tokenHash), index('password_resets_user_idx').on(t.userId)],
);

/**
 * Create forms already handled, per user and submission key (a hidden field of every
 * create form), with what the create returned: a double click or a resent form gets the
 * first answer again instead of a second row. Kept for a day. See app/models/submissions.server.ts.
 */
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** JSON of what the create returned (usually the new row's id). */
    result: text('result').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('form_submissions_created_idx').on(t.createdAt)],
);

/**
 * An agenda and its period ("looptijd", e.g. 2020–2024): concept → vastgesteld (the
 * current one) → afgesloten (read-only). At most one current and one concept at a time
 * (partial unique indexes); years never overlap (checked by app/models/periods/, the
 * only writer of this table). docs/decisions/017-agenda-periods.md.
 */
export const agendas = sqliteTable(
  'agendas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    body: text('body').notNull().default(''),
    /** '2020-2024': the period in addresses (?periode=2020-2024). */
    slug: text('slug').notNull(),
    status: text('status', { enum: PERIOD_STATUSES }).notNull().default('concept'),
    adoptedAt: text('adopted_at'),
    closedAt: text('closed_at'),
    closedBy: integer('closed_by').references(() => users.id),
    /** The agenda this one was drafted from (its work is carried over from there). */
    predecessorId: integer('predecessor_id').references((): AnySQLiteColumn => agendas.id),
    /** Demo texts, not the region's real agenda: shown with a "voorbeeld" label. */
    isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('agendas_slug_unique').on(t.slug),
    uniqueIndex('agendas_one_current')
      .on(t.status)
      .where(sql`status = 'vastgesteld'`),
    uniqueIndex('agendas_one_concept')
      .on(t.status)
      .where(sql`status = 'concept'`),
  ],
);

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
    /** The chapter's agenda, kept here so every list filters one period by an index (set by the models on every write). */
    agendaId: integer('agenda_id')
      .notNull()
      .references(() => agendas.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    targetYear: integer('target_year'),
    body: text('body').notNull().default(''),
    position: integer('position').notNull(),
    /** The goal of the previous period this one continues (carried over); the origin's outcome is 'meegenomen'. */
    carriedFromId: integer('carried_from_id').references((): AnySQLiteColumn => goals.id),
    /** Set when its period closed: 'meegenomen' (continued in the next period) or 'niet_afgerond'. */
    periodOutcome: text('period_outcome', { enum: PERIOD_OUTCOMES }),
    periodOutcomeReason: text('period_outcome_reason'),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('goals_agenda_code_unique').on(t.agendaId, t.code),
    index('goals_theme_idx').on(t.themeId),
    index('goals_carried_from_idx').on(t.carriedFromId),
  ],
);

export const actions = sqliteTable(
  'actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    /** The goal's agenda (the period), kept here so every list filters one period by an index. */
    agendaId: integer('agenda_id')
      .notNull()
      .references(() => agendas.id),
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
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('niet_gestart'),
    progress: integer('progress').notNull().default(0),
    /** Null: a regional action. Otherwise the municipality whose local action this is. */
    municipalityId: integer('municipality_id').references(() => organisations.id),
    position: integer('position').notNull().default(0),
    /** The meeting whose notes produced this action (an action item), if any. */
    sourceMeetingId: integer('source_meeting_id').references((): AnySQLiteColumn => meetings.id),
    /** The action of the previous period this one continues (carried over); the origin's outcome is 'meegenomen'. */
    carriedFromId: integer('carried_from_id').references((): AnySQLiteColumn => actions.id),
    /** Set when its period closed while it was open: 'meegenomen' or 'niet_afgerond' (with the reason). */
    periodOutcome: text('period_outcome', { enum: PERIOD_OUTCOMES }),
    periodOutcomeReason: text('period_outcome_reason'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('actions_agenda_code_unique').on(t.agendaId, t.code),
    index('actions_agenda_idx').on(t.agendaId, t.goalId),
    index('actions_carried_from_idx').on(t.carriedFromId),
    index('actions_source_meeting_idx').on(t.sourceMeetingId),
    index('actions_goal_idx').on(t.goalId, t.position),
    index('actions_status_idx').on(t.status),
    // A period's actions of one status: the board's columns and their counts (docs/decisions/040).
    index('actions_agenda_status_idx').on(t.agendaId, t.status),
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

export const HISTORY_ENTITIES = [
  'theme',
  'goal',
  'action',
  'accent',
  'period',
  'finance_stream',
  'finance_allocation',
  'finance_commitment',
  'finance_spending',
  'indicator',
  'figure',
  'target',
] as const;
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
    /** Planned length; the calendar feed and "Agenda voorstellen" use it. */
    durationMinutes: integer('duration_minutes').notNull().default(120),
    /** The meeting this one was created from (a series is the chain of these links). */
    previousMeetingId: integer('previous_meeting_id').references((): AnySQLiteColumn => meetings.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('meetings_starts_at_idx').on(t.startsAt), index('meetings_previous_idx').on(t.previousMeetingId)],
);

/**
 * Who is (or was) at a meeting: a Koers user, or a guest by name and organisation.
 * `attended` is null until attendance is marked.
 */
export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id),
    guestName: text('guest_name'),
    guestOrganisation: text('guest_organisation'),
    attended: integer('attended', { mode: 'boolean' }),
  },
  (t) => [
    index('meeting_attendees_meeting_idx').on(t.meetingId),
    uniqueIndex('meeting_attendees_user_unique').on(t.meetingId, t.userId),
    index('meeting_attendees_user_idx').on(t.userId),
  ],
);

export const AGENDA_POINT_STATUSES = ['open', 'afgerond'] as const;

/** An ordered point on a meeting's agenda; open points carry over to the next meeting. */
export const agendaPoints = sqliteTable(
  'agenda_points',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    durationMinutes: integer('duration_minutes'),
    presenter: text('presenter').notNull().default(''),
    goalId: integer('goal_id').references(() => goals.id),
    actionId: integer('action_id').references(() => actions.id),
    status: text('status', { enum: AGENDA_POINT_STATUSES }).notNull().default('open'),
    /** The point of the previous meeting this one was carried over from. */
    carriedFromId: integer('carried_from_id').references((): AnySQLiteColumn => agendaPoints.id),
    /** "Verslag vorige vergadering": the meeting whose (concept) minutes this point is about. */
    minutesOfMeetingId: integer('minutes_of_meeting_id').references((): AnySQLiteColumn => meetings.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('agenda_points_meeting_idx').on(t.meetingId, t.position)],
);

/** A decision ("besluit") taken in a meeting, recorded from its notes. */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    text: text('text').notNull(),
    goalId: integer('goal_id').references(() => goals.id),
    actionId: integer('action_id').references(() => actions.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('decisions_meeting_idx').on(t.meetingId),
    index('decisions_goal_idx').on(t.goalId),
    index('decisions_action_idx').on(t.actionId),
  ],
);

/** A published ("vastgesteld") version of a meeting's minutes, frozen from its notes. */
export const minutesVersions = sqliteTable(
  'minutes_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    version: integer('version').notNull(),
    /** The notes as Tiptap/ProseMirror JSON and as plain text at the moment of publishing. */
    json: text('json').notNull(),
    text: text('text').notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: text('published_at').notNull().default(now),
  },
  (t) => [uniqueIndex('minutes_versions_meeting_version_unique').on(t.meetingId, t.version)],
);

/**
 * The update log of the real-time documents: every Yjs update is appended here before
 * it is relayed to other clients (docs/decisions/006-realtime-persistence.md).
 */
export const collabUpdates = sqliteTable(
  'collab_updates',
  {
    /** `<kind>.<id>`, e.g. `meeting.12`. */
    documentName: text('document_name').notNull(),
    /**
     * The update's place in its document's log: one more than the highest before it (or
     * than the snapshot's `last_update_id` once the log was compacted away).
     */
    seq: integer('seq').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
  },
  // WITHOUT ROWID (in the migration; drizzle cannot say it): the rows are stored in the
  // primary key's order, so appending a keystroke writes one page — not a table page, an
  // index page and sqlite_sequence (docs/decisions/006, "The update log's layout").
  (t) => [primaryKey({ columns: [t.documentName, t.seq] })],
);

/** A compacted document: its Yjs state up to `last_update_id`, and what is derived from it. */
export const collabSnapshots = sqliteTable('collab_snapshots', {
  documentName: text('document_name').primaryKey(),
  state: blob('state', { mode: 'buffer' }).notNull(),
  /** The highest collab_updates.seq merged into `state`. */
  lastUpdateId: integer('last_update_id').notNull(),
  /** Plain text of the notes (minutes, search, export). */
  text: text('text').notNull().default(''),
  /** Tiptap/ProseMirror-compatible JSON of the notes, or null when there is no content. */
  json: text('json'),
  updatedAt: text('updated_at').notNull().default(now),
});

// ---------------------------------------------------------------------------
// Knowledge library ("kennisbank")

/** A library item: an uploaded document, a link, a good practice or a contact. */
export const libraryItems = sqliteTable(
  'library_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: LIBRARY_KINDS }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** A good practice's page (kind 'voorbeeld'), as Markdown-light text. */
    body: text('body').notNull().default(''),
    /** A link's address (http, https or mailto only). */
    url: text('url'),
    contactName: text('contact_name'),
    contactOrganisation: text('contact_organisation'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** Tags: one theme, one municipality, any target groups (library_item_target_groups). */
    themeId: integer('theme_id').references(() => themes.id),
    municipalityId: integer('municipality_id').references(() => organisations.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('library_items_kind_idx').on(t.kind),
    index('library_items_theme_idx').on(t.themeId),
    index('library_items_municipality_idx').on(t.municipalityId),
    index('library_items_created_by_idx').on(t.createdBy),
  ],
);

export const libraryItemTargetGroups = sqliteTable(
  'library_item_target_groups',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => libraryItems.id, { onDelete: 'cascade' }),
    targetGroup: text('target_group', { enum: TARGET_GROUPS }).notNull(),
  },
  (t) => [uniqueIndex('library_item_target_groups_unique').on(t.itemId, t.targetGroup)],
);

/** A library item linked to a goal, an action or a meeting. */
export const libraryItemLinks = sqliteTable(
  'library_item_links',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => libraryItems.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: LIBRARY_LINK_TARGETS }).notNull(),
    targetId: integer('target_id').notNull(),
  },
  (t) => [
    uniqueIndex('library_item_links_unique').on(t.itemId, t.targetType, t.targetId),
    index('library_item_links_target_idx').on(t.targetType, t.targetId),
  ],
);

/**
 * Every uploaded version of a document item. The bytes live under the data folder,
 * named by their SHA-256; the newest version is the item's current file.
 */
export const libraryFiles = sqliteTable(
  'library_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => libraryItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** Detected from the content, not from the name. */
    mimeType: text('mime_type').notNull(),
    originalName: text('original_name').notNull(),
    /** Text extracted from PDF and Word files, for search. */
    extractedText: text('extracted_text').notNull().default(''),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: text('uploaded_at').notNull().default(now),
  },
  (t) => [uniqueIndex('library_files_item_version_unique').on(t.itemId, t.version)],
);

// ---------------------------------------------------------------------------
// Notifications

export { EMAIL_MODES, NOTIFICATION_KINDS };

/**
 * One notification for one person. `dedupe_key` makes every trigger idempotent: the
 * same event (e.g. 'overdue:action:12:2026-06-30') never notifies the same user twice.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** Dutch sentence shown in the inbox and the e-mail. */
    message: text('message').notNull(),
    /** Path inside Koers, e.g. '/acties/12#reactie-40'. */
    link: text('link').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: text('created_at').notNull().default(now),
    readAt: text('read_at'),
    /** When the e-mail for it was sent (immediately or in a digest); null if none (yet). */
    emailedAt: text('emailed_at'),
  },
  (t) => [
    uniqueIndex('notifications_user_dedupe_unique').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt),
  ],
);

/** Per user and kind: whether to notify in Koers, and whether (and how) by e-mail. No row: the defaults. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    email: text('email', { enum: EMAIL_MODES }).notNull().default('off'),
  },
  (t) => [uniqueIndex('notification_preferences_unique').on(t.userId, t.kind)],
);

export const FOLLOW_TARGETS = ['goal', 'action', 'accent', 'library', 'meeting', 'year-report', 'indicator'] as const;

/** Items a user follows: comments on them notify the user. */
export const follows = sqliteTable(
  'follows',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: integer('target_id').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('follows_unique').on(t.userId, t.targetType, t.targetId), index('follows_target_idx').on(t.targetType, t.targetId)],
);

// ---------------------------------------------------------------------------
// Audit log and privacy duties (issue 14; docs/decisions/014-audit-log-and-privacy.md)

/**
 * Who did what, when and from where: sign-ins, account changes, refusals, exports,
 * backups. Append-only: written only by recordAudit (app/models/audit/), removed only
 * by the retention job; a trigger (migration 0008) refuses every UPDATE. `action` is a
 * name of AUDIT_ACTIONS (app/models/audit/audit-actions.ts), kept as plain text so new
 * kinds need no migration. Never holds a secret: no password, token or link.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    /** The signed-in person who did it; null for the system, a command line tool, or someone not signed in. */
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    /** What it was done to: a kind ('user', 'meeting', 'library_file', 'page', 'backup', …) and an id or a name. */
    targetType: text('target_type'),
    targetId: integer('target_id'),
    targetName: text('target_name'),
    /** The client address as the server saw it (behind a proxy: the forwarded one). */
    ip: text('ip'),
    /** JSON object with the particulars (never a secret). */
    details: text('details'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

/** Persons removed on request (AVG): their account row stays, anonymised, so the agenda's history stays readable. */
export const removedPersons = sqliteTable('removed_persons', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  removedAt: text('removed_at').notNull().default(now),
  removedBy: integer('removed_by').references(() => users.id),
});

/** Texts the beheerder edits: the privacy statement and the accessibility statement (Markdown-light). No row: the default text of the catalogue. */
export const siteTexts = sqliteTable('site_texts', {
  key: text('key').primaryKey(),
  body: text('body').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: integer('updated_by').references(() => users.id),
});

// ---------------------------------------------------------------------------
// Sign-in with the organisation's account (issue 14 §1; docs/sign-in.md, docs/decisions/019)

/**
 * A person who signed in through an organisation's identity provider (OpenID Connect)
 * and has no account yet. Nobody gets rights by signing in alone: a beheerder approves
 * the request with a role and an organisation (which creates the account) or rejects it
 * (which deletes the request). One open request per e-mail address.
 */
export const accessRequests = sqliteTable(
  'access_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The provider's id in the sign-in configuration (KOERS_OIDC_CONFIG). */
    providerId: text('provider_id').notNull(),
    /** The provider's subject identifier ('sub') of the person. */
    subject: text('subject').notNull(),
    /** The verified e-mail address the provider vouched for, lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('access_requests_email_unique').on(t.email)],
);

/**
 * Which provider account (provider + subject) signed in as which Koers account: recorded
 * at the first sign-in, shown in the person's data export, removed with the person.
 */
export const userIdentities = sqliteTable(
  'user_identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    subject: text('subject').notNull(),
    createdAt: text('created_at').notNull().default(now),
    lastSignInAt: text('last_sign_in_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('user_identities_provider_subject_unique').on(t.providerId, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * A session that began at an identity provider: signing out sends the browser to the
 * provider's end-session endpoint with this ID token as id_token_hint. Goes with the session.
 */
export const providerSessions = sqliteTable('provider_sessions', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  providerId: text('provider_id').notNull(),
  idToken: text('id_token').notNull(),
});

// ---------------------------------------------------------------------------
// The yearly report to the aldermen ("jaarrapportage", issue 13 §3; docs/decisions/022-year-reports.md)

export const YEAR_REPORT_STATUSES = ['concept', 'vastgesteld'] as const;

/**
 * One report per calendar year. `concept` while a version is being written (the
 * narrative sections are live documents the working group edits), `vastgesteld` once
 * the newest version is adopted; drafting a newer version makes it `concept` again.
 * What was adopted lives in year_report_versions, never recomputed.
 */
export const yearReports = sqliteTable(
  'year_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    status: text('status', { enum: YEAR_REPORT_STATUSES }).notNull().default('concept'),
    /** Demo texts: shown with a "voorbeeld" label. */
    isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('year_reports_year_unique').on(t.year)],
);

/** A narrative section of a report (summary, national developments, …): the live document `year-report-section.<id>`. */
export const yearReportSections = sqliteTable(
  'year_report_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => yearReports.id),
    /** A key of YEAR_REPORT_SECTION_KEYS (app/models/reports/year-report.ts). */
    key: text('key').notNull(),
  },
  (t) => [uniqueIndex('year_report_sections_report_key_unique').on(t.reportId, t.key)],
);

/** An adopted ("vastgesteld") version: every computed section and every narrative text as it was, as JSON. */
export const yearReportVersions = sqliteTable(
  'year_report_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => yearReports.id),
    version: integer('version').notNull(),
    /** YearReportSnapshot (app/models/reports/year-report.ts) as JSON. */
    snapshot: text('snapshot').notNull(),
    adoptedBy: integer('adopted_by').references(() => users.id),
    adoptedAt: text('adopted_at').notNull().default(now),
  },
  (t) => [uniqueIndex('year_report_versions_report_version_unique').on(t.reportId, t.version)],
);

// ---------------------------------------------------------------------------------------
// The monitor (docs/decisions/020-monitor.md): indicators, their figures per area and year,
// the werkgroep's targets, and which goals and actions they are linked to. Values are exact
// integers (app/models/monitor/monitor-rules.ts: counts, euro cents, tenths of a percent).

export const monitorIndicators = sqliteTable(
  'monitor_indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable key in addresses and imports, e.g. "LBV-DEELN" or "TH-CERT". */
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: INDICATOR_LEVELS }).notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
    source: text('source').notNull(),
    monitor: text('monitor', { enum: MONITOR_KINDS }).notNull(),
    countedPer: text('counted_per', { enum: COUNTED_PER }).notNull(),
    definition: text('definition').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
    isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('monitor_indicators_code_unique').on(t.code)],
);

export const monitorFigures = sqliteTable(
  'monitor_figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => monitorIndicators.id),
    /** Null: the region as a whole. */
    municipalityId: integer('municipality_id').references(() => organisations.id),
    /** municipality_id or 0 for the region: SQLite's unique indexes treat NULLs as distinct (set by the models). */
    areaKey: integer('area_key').notNull(),
    year: integer('year').notNull(),
    /** '' for the total, otherwise "dimension/category" (e.g. "moedertaal/NT2"). */
    breakdownKey: text('breakdown_key').notNull().default(''),
    value: integer('value').notNull(),
    source: text('source').notNull().default(''),
    /** E.g. "3 van 4 aanbieders geleverd"; null when complete. */
    completeness: text('completeness'),
    respondents: integer('respondents'),
    enteredBy: integer('entered_by').references(() => users.id),
    enteredAt: text('entered_at').notNull().default(now),
    /** A demo "voorbeeldcijfer", labelled as such wherever it is shown. */
    isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('monitor_figures_unique').on(t.indicatorId, t.areaKey, t.year, t.breakdownKey),
    index('monitor_figures_year_idx').on(t.year, t.indicatorId),
  ],
);

export const monitorTargets = sqliteTable(
  'monitor_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => monitorIndicators.id),
    agendaId: integer('agenda_id')
      .notNull()
      .references(() => agendas.id),
    municipalityId: integer('municipality_id').references(() => organisations.id),
    /** municipality_id or 0 for the region: SQLite's unique indexes treat NULLs as distinct (set by the models). */
    areaKey: integer('area_key').notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
    setBy: integer('set_by').references(() => users.id),
    setAt: text('set_at').notNull().default(now),
    isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('monitor_targets_unique').on(t.indicatorId, t.agendaId, t.areaKey, t.year)],
);

/** Goals link to the indicators that measure them. */
export const monitorGoalIndicators = sqliteTable(
  'monitor_goal_indicators',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => monitorIndicators.id),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.indicatorId] }), index('monitor_goal_indicators_indicator_idx').on(t.indicatorId)],
);

/** Steering: an action started from an indicator ("Actie starten"). */
export const monitorActionIndicators = sqliteTable(
  'monitor_action_indicators',
  {
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => monitorIndicators.id),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.indicatorId] }), index('monitor_action_indicators_indicator_idx').on(t.indicatorId)],
);

/** Steering: an agenda point put on the next werkgroep meeting from an indicator ("Bijsturen"). */
export const monitorAgendaPointIndicators = sqliteTable(
  'monitor_agenda_point_indicators',
  {
    agendaPointId: integer('agenda_point_id')
      .notNull()
      .references(() => agendaPoints.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => monitorIndicators.id),
  },
  (t) => [
    primaryKey({ columns: [t.agendaPointId, t.indicatorId] }),
    index('monitor_agenda_point_indicators_indicator_idx').on(t.indicatorId),
  ],
);

// ---------------------------------------------------------------------------------------
// The financial overview (issue 13 §2, docs/decisions/021-finance.md). Every amount is an
// integer number of euro cents. The only writer is app/models/finance/finance.server.ts,
// which records every change in `history`.

/**
 * Money received for one year: the WEB contribution (received by the contact
 * municipality on behalf of the region), the DU basic-skills grant, a municipality's own
 * funds or another grant. After the year: what was carried over to the next year and
 * what was paid back (null while not settled).
 */
export const financeStreams = sqliteTable(
  'finance_streams',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    kind: text('kind', { enum: STREAM_KINDS }).notNull(),
    name: text('name').notNull(),
    receivedCents: integer('received_cents').notNull(),
    /** WEB/DU: the contact municipality that receives it for the region; municipal funds: whose funds. */
    municipalityId: integer('municipality_id').references(() => organisations.id),
    carryOverCents: integer('carry_over_cents'),
    repaymentCents: integer('repayment_cents'),
    notes: text('notes').notNull().default(''),
    /** Demo figures ("voorbeeldcijfers"), not the region's real money. */
    isExample: integer('is_example', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('finance_streams_year_name_unique').on(t.year, t.name), index('finance_streams_year_idx').on(t.year, t.kind)],
);

/** A part of a stream set aside: formal or non-formal education, optionally for one municipality, goal or action. */
export const financeAllocations = sqliteTable(
  'finance_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    streamId: integer('stream_id')
      .notNull()
      .references(() => financeStreams.id),
    purpose: text('purpose', { enum: ALLOCATION_PURPOSES }).notNull(),
    /** Null: regional (not for one municipality). */
    municipalityId: integer('municipality_id').references(() => organisations.id),
    goalId: integer('goal_id').references(() => goals.id),
    actionId: integer('action_id').references(() => actions.id),
    amountCents: integer('amount_cents').notNull(),
    description: text('description').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('finance_allocations_stream_idx').on(t.streamId), index('finance_allocations_goal_idx').on(t.goalId)],
);

/** A contract or grant decision with a party (Nova College, a Taalhuis, a volunteer organisation) against an allocation. */
export const financeCommitments = sqliteTable(
  'finance_commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => financeAllocations.id),
    kind: text('kind', { enum: COMMITMENT_KINDS }).notNull(),
    party: text('party').notNull(),
    /** 'YYYY-MM-DD', both inclusive. */
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    amountCents: integer('amount_cents').notNull(),
    reference: text('reference').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('finance_commitments_allocation_idx').on(t.allocationId)],
);

/** Money actually spent (paid out), against a commitment or directly against an allocation. */
export const financeSpending = sqliteTable(
  'finance_spending',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => financeAllocations.id),
    /** When set, its allocation is the commitment's allocation (checked by the model). */
    commitmentId: integer('commitment_id').references(() => financeCommitments.id),
    /** 'YYYY-MM-DD'. */
    date: text('date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    description: text('description').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('finance_spending_allocation_idx').on(t.allocationId), index('finance_spending_commitment_idx').on(t.commitmentId)],
);

// ---------------------------------------------------------------------------
// Workspace data version

/**
 * One row whose `version` moves with every committed write to workspace data, by any
 * process: triggers on every table bump it (migration 0019), except the real-time
 * documents' log and snapshots (keystrokes in the notes change no page) and the audit
 * log (a download changes no page). The page cache keys on it and the live stream tells
 * browsers when it moved (server/live/data-version.ts). A test checks that every table
 * has its triggers, so a new table cannot be forgotten.
 */
export const workspaceVersion = sqliteTable('workspace_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/**
 * Which action pages a write may have changed, by the version it moved the workspace to
 * (migration 0020, docs/decisions/028-changed-actions.md): the triggers of the tables an
 * action page shows write the action's id beside their bump (an action's row also the
 * actions it was carried from and to), and the tables no action page shows write 0. A version with no row here came from any other table, so every
 * page must assume it changed. The live stream reads this to tell browsers which action
 * pages to revalidate (server/live); rows the stream has passed on are removed again.
 */
export const workspaceChanges = sqliteTable(
  'workspace_changes',
  {
    version: integer('version').notNull(),
    /** The action whose page shows the written row; 0: no action page shows it. */
    actionId: integer('action_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.actionId] })],
);
