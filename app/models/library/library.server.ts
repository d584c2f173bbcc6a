/**
 * The knowledge library ("kennisbank"): items (documents, links, good practices,
 * contacts), their tags (theme, municipality, target groups), their links to goals,
 * actions and meetings, and the versions of a document's file. Search over the items
 * is kept in step by triggers (db/migrations/0004_search_library_and_notes.sql).
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';

import {
  actions,
  comments,
  follows,
  goals,
  libraryFiles,
  libraryItemLinks,
  libraryItems,
  libraryItemTargetGroups,
  meetings,
  organisations,
  themes,
  users,
} from '../../../db/schema';
import { t } from '../../i18n';
import {
  LIBRARY_PAGE_SIZE,
  type LibraryFieldErrors,
  type LibraryFilters,
  type LibraryFormOptions,
  type LibraryFormValues,
  type LibraryItemInput,
  type LibraryKind,
  type LibraryLinkTarget,
  TARGET_GROUPS,
  type TargetGroup,
  type UploadType,
} from '../../schemas/library';
import { db } from '../../utils/db.server';
import { preparedOnce } from '../../utils/prepared.server';
import type { Tx } from '../history.server';
import { type Actor, canAddLibraryItems } from '../permissions';
import { toMatchExpression } from '../search/search.server';
import { libraryActionsFit } from './library-action-choice.server';

/** A file version ready to be recorded: already stored by its hash, its text extracted. */
export type StoredUpload = { sha256: string; size: number; mimeType: UploadType; originalName: string; extractedText: string };

const m = t.library.errors;

// ---------------------------------------------------------------------------
// Reading

export type LibraryListItem = {
  id: number;
  kind: LibraryKind;
  title: string;
  summary: string;
  url: string | null;
  themeId: number | null;
  themeCode: string | null;
  themeTitle: string | null;
  municipalityId: number | null;
  municipalityName: string | null;
  createdByName: string;
  createdAt: string;
  targetGroups: TargetGroup[];
};

function targetGroupsOf(ids: number[]): Map<number, TargetGroup[]> {
  const groups = new Map<number, TargetGroup[]>();
  if (ids.length === 0) return groups;
  const rows = db
    .select({ itemId: libraryItemTargetGroups.itemId, group: libraryItemTargetGroups.targetGroup })
    .from(libraryItemTargetGroups)
    .where(inArray(libraryItemTargetGroups.itemId, ids))
    .all();
  for (const row of rows) groups.set(row.itemId, [...(groups.get(row.itemId) ?? []), row.group]);
  // In the order of TARGET_GROUPS, whatever order they were stored in.
  for (const [id, list] of groups)
    groups.set(
      id,
      TARGET_GROUPS.filter((g) => list.includes(g)),
    );
  return groups;
}

const listColumns = {
  id: libraryItems.id,
  kind: libraryItems.kind,
  title: libraryItems.title,
  summary: libraryItems.summary,
  url: libraryItems.url,
  themeId: libraryItems.themeId,
  themeCode: themes.code,
  themeTitle: themes.title,
  municipalityId: libraryItems.municipalityId,
  municipalityName: organisations.name,
  createdByName: users.name,
  createdAt: libraryItems.createdAt,
};

/** The items matching the filters, newest first, one page of them and how many match in all. */
export function listLibraryItems({ filters, limit = LIBRARY_PAGE_SIZE }: { filters: LibraryFilters; limit?: number }): {
  items: LibraryListItem[];
  total: number;
} {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(libraryItems.kind, filters.kind));
  if (filters.themeId) conditions.push(eq(libraryItems.themeId, filters.themeId));
  if (filters.municipalityId) conditions.push(eq(libraryItems.municipalityId, filters.municipalityId));
  if (filters.targetGroup) {
    conditions.push(
      sql`${libraryItems.id} in (select item_id from library_item_target_groups where target_group = ${filters.targetGroup})`,
    );
  }
  const expression = filters.q ? toMatchExpression(filters.q) : null;
  if (expression) {
    // The search index holds the item's text and its current file's text (kind 'library').
    conditions.push(
      sql`${libraryItems.id} in (select ref_id from search_index where search_index match ${expression} and kind = 'library')`,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const total = db.select({ n: count() }).from(libraryItems).where(where).get()?.n ?? 0;
  const rows = db
    .select(listColumns)
    .from(libraryItems)
    .innerJoin(users, eq(users.id, libraryItems.createdBy))
    .leftJoin(themes, eq(themes.id, libraryItems.themeId))
    .leftJoin(organisations, eq(organisations.id, libraryItems.municipalityId))
    .where(where)
    .orderBy(desc(libraryItems.createdAt), desc(libraryItems.id))
    .limit(limit)
    .offset((filters.page - 1) * limit)
    .all();
  const groups = targetGroupsOf(rows.map((row) => row.id));
  return { items: rows.map((row) => ({ ...row, targetGroups: groups.get(row.id) ?? [] })), total };
}

/** What the permission checks need: who added the item, and its kind. */
export function getLibraryItemOwner(id: number): { createdBy: number; kind: LibraryKind } | undefined {
  return db.select({ createdBy: libraryItems.createdBy, kind: libraryItems.kind }).from(libraryItems).where(eq(libraryItems.id, id)).get();
}

export type LibraryFileVersion = {
  id: number;
  version: number;
  size: number;
  mimeType: string;
  originalName: string;
  uploadedAt: string;
  uploadedByName: string | null;
};

/** Everything shown on an item's page, or undefined when it does not exist. */
export function getLibraryItem(id: number) {
  const item = db
    .select({
      ...listColumns,
      body: libraryItems.body,
      contactName: libraryItems.contactName,
      contactOrganisation: libraryItems.contactOrganisation,
      contactEmail: libraryItems.contactEmail,
      contactPhone: libraryItems.contactPhone,
      createdBy: libraryItems.createdBy,
      updatedAt: libraryItems.updatedAt,
    })
    .from(libraryItems)
    .innerJoin(users, eq(users.id, libraryItems.createdBy))
    .leftJoin(themes, eq(themes.id, libraryItems.themeId))
    .leftJoin(organisations, eq(organisations.id, libraryItems.municipalityId))
    .where(eq(libraryItems.id, id))
    .get();
  if (!item) return undefined;
  const files: LibraryFileVersion[] = db
    .select({
      id: libraryFiles.id,
      version: libraryFiles.version,
      size: libraryFiles.size,
      mimeType: libraryFiles.mimeType,
      originalName: libraryFiles.originalName,
      uploadedAt: libraryFiles.uploadedAt,
      uploadedByName: users.name,
    })
    .from(libraryFiles)
    .leftJoin(users, eq(users.id, libraryFiles.uploadedBy))
    .where(eq(libraryFiles.itemId, id))
    .orderBy(desc(libraryFiles.version))
    .all();
  return { ...item, targetGroups: targetGroupsOf([id]).get(id) ?? [], links: listItemLinks(id), files };
}

export type LibraryItemDetail = NonNullable<ReturnType<typeof getLibraryItem>>;

/** The goals, actions and meetings an item is linked to, with what their links show. */
function listItemLinks(itemId: number) {
  const links = db
    .select({ targetType: libraryItemLinks.targetType, targetId: libraryItemLinks.targetId })
    .from(libraryItemLinks)
    .where(eq(libraryItemLinks.itemId, itemId))
    .all();
  const ids = (type: LibraryLinkTarget) => links.filter((l) => l.targetType === type).map((l) => l.targetId);
  const goalIds = ids('goal');
  const actionIds = ids('action');
  const meetingIds = ids('meeting');
  return {
    goals:
      goalIds.length === 0
        ? []
        : db
            .select({ id: goals.id, code: goals.code, title: goals.title })
            .from(goals)
            .where(inArray(goals.id, goalIds))
            .orderBy(asc(goals.position), asc(goals.id))
            .all(),
    actions:
      actionIds.length === 0
        ? []
        : db
            .select({ id: actions.id, code: actions.code, title: actions.title })
            .from(actions)
            .where(inArray(actions.id, actionIds))
            .orderBy(asc(actions.id))
            .all(),
    meetings:
      meetingIds.length === 0
        ? []
        : db
            .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
            .from(meetings)
            .where(inArray(meetings.id, meetingIds))
            .orderBy(desc(meetings.startsAt))
            .all(),
  };
}

/** The items linked to a goal, an action or a meeting (for those pages), newest first. */
export function listLinkedLibraryItems({ targetType, targetId }: { targetType: LibraryLinkTarget; targetId: number }) {
  return linkedItems().all({ targetType, targetId });
}

// Every goal, action and meeting page shows them: prepared once.
const linkedItems = preparedOnce(() =>
  db
    .select({ id: libraryItems.id, kind: libraryItems.kind, title: libraryItems.title, summary: libraryItems.summary })
    .from(libraryItemLinks)
    .innerJoin(libraryItems, eq(libraryItems.id, libraryItemLinks.itemId))
    .where(and(eq(libraryItemLinks.targetType, sql.placeholder('targetType')), eq(libraryItemLinks.targetId, sql.placeholder('targetId'))))
    .orderBy(desc(libraryItems.createdAt), desc(libraryItems.id))
    .prepare(),
);

export type LinkedLibraryItem = ReturnType<typeof listLinkedLibraryItems>[number];

/** One file version of an item, for download; undefined when the version is not this item's. */
export function getLibraryFile({ itemId, fileId }: { itemId: number; fileId: number }) {
  return db
    .select({
      sha256: libraryFiles.sha256,
      size: libraryFiles.size,
      mimeType: libraryFiles.mimeType,
      originalName: libraryFiles.originalName,
    })
    .from(libraryFiles)
    .where(and(eq(libraryFiles.id, fileId), eq(libraryFiles.itemId, itemId)))
    .get();
}

/** The choices of the item form and the list's filters; the actions only where they are few enough for checkboxes (decision 038). */
export function getLibraryFormOptions(): LibraryFormOptions {
  return {
    themes: db
      .select({ id: themes.id, code: themes.code, title: themes.title })
      .from(themes)
      .orderBy(asc(themes.position), asc(themes.id))
      .all(),
    municipalities: db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, 'gemeente'))
      .orderBy(asc(organisations.name))
      .all(),
    goals: db
      .select({ id: goals.id, code: goals.code, title: goals.title, themeCode: themes.code, themeTitle: themes.title })
      .from(goals)
      .innerJoin(themes, eq(themes.id, goals.themeId))
      .orderBy(asc(themes.position), asc(goals.position), asc(goals.id))
      .all(),
    actions: libraryActionsFit()
      ? db
          .select({ id: actions.id, code: actions.code, title: actions.title, goalCode: goals.code })
          .from(actions)
          .innerJoin(goals, eq(goals.id, actions.goalId))
          .innerJoin(themes, eq(themes.id, goals.themeId))
          .orderBy(asc(themes.position), asc(goals.position), asc(actions.position), asc(actions.id))
          .all()
      : null,
    meetings: db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .orderBy(desc(meetings.startsAt))
      .all(),
  };
}

/** An existing item as form values. */
export function libraryItemFormValues(item: LibraryItemDetail): LibraryFormValues {
  const id = (n: number | null) => (n === null ? '' : String(n));
  return {
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    body: item.body,
    url: item.url ?? '',
    contactName: item.contactName ?? '',
    contactOrganisation: item.contactOrganisation ?? '',
    contactEmail: item.contactEmail ?? '',
    contactPhone: item.contactPhone ?? '',
    themeId: id(item.themeId),
    municipalityId: id(item.municipalityId),
    targetGroups: item.targetGroups,
    goalIds: item.links.goals.map((g) => String(g.id)),
    actionIds: item.links.actions.map((a) => String(a.id)),
    meetingIds: item.links.meetings.map((mt) => String(mt.id)),
  };
}

// ---------------------------------------------------------------------------
// Writing

/** Messages for tags and links that point at nothing (a stale form, a forged post). */
export function findLibraryReferenceErrors(input: LibraryItemInput): LibraryFieldErrors {
  const errors: LibraryFieldErrors = {};
  const missing = (table: typeof goals | typeof actions | typeof meetings | typeof themes, ids: number[]) =>
    ids.length > 0 && (db.select({ n: count() }).from(table).where(inArray(table.id, ids)).get()?.n ?? 0) !== ids.length;
  if (input.themeId !== null && missing(themes, [input.themeId])) errors.themeId = m.themeUnknown;
  if (input.municipalityId !== null) {
    const org = db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, input.municipalityId)).get();
    if (org?.kind !== 'gemeente') errors.municipalityId = m.municipalityUnknown;
  }
  if (missing(goals, input.goalIds)) errors.goalIds = m.goalUnknown;
  if (missing(actions, input.actionIds)) errors.actionIds = m.actionUnknown;
  if (missing(meetings, input.meetingIds)) errors.meetingIds = m.meetingUnknown;
  return errors;
}

function itemColumns(input: LibraryItemInput) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    url: input.url,
    contactName: input.contactName,
    contactOrganisation: input.contactOrganisation,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    themeId: input.themeId,
    municipalityId: input.municipalityId,
  };
}

function replaceTagsAndLinks(tx: Tx, itemId: number, input: LibraryItemInput) {
  tx.delete(libraryItemTargetGroups).where(eq(libraryItemTargetGroups.itemId, itemId)).run();
  if (input.targetGroups.length > 0) {
    tx.insert(libraryItemTargetGroups)
      .values(input.targetGroups.map((targetGroup) => ({ itemId, targetGroup })))
      .run();
  }
  tx.delete(libraryItemLinks).where(eq(libraryItemLinks.itemId, itemId)).run();
  const links = [
    ...input.goalIds.map((targetId) => ({ itemId, targetType: 'goal' as const, targetId })),
    ...input.actionIds.map((targetId) => ({ itemId, targetType: 'action' as const, targetId })),
    ...input.meetingIds.map((targetId) => ({ itemId, targetType: 'meeting' as const, targetId })),
  ];
  if (links.length > 0) tx.insert(libraryItemLinks).values(links).run();
}

/** Records a new version of an item's file (the next version number). */
function addFileVersion(tx: Tx, { itemId, userId, upload }: { itemId: number; userId: number; upload: StoredUpload }) {
  const last = tx
    .select({ v: sql<number | null>`max(${libraryFiles.version})` })
    .from(libraryFiles)
    .where(eq(libraryFiles.itemId, itemId))
    .get();
  tx.insert(libraryFiles)
    .values({ itemId, version: (last?.v ?? 0) + 1, ...upload, uploadedBy: userId })
    .run();
}

/** A new item with its tags, links and (for a document) its first file version, in one transaction. */
export function createLibraryItem({
  userId,
  kind,
  input,
  upload = null,
  createdAt,
}: {
  userId: number;
  kind: LibraryKind;
  input: LibraryItemInput;
  upload?: StoredUpload | null;
  /** Only the demo seed sets this. */
  createdAt?: string;
}): number {
  return db.transaction((tx) => createLibraryItemIn(tx, { userId, kind, input, upload, createdAt }));
}

/** createLibraryItem inside a transaction the caller already holds (the demo seed). */
export function createLibraryItemIn(
  tx: Tx,
  {
    userId,
    kind,
    input,
    upload = null,
    createdAt,
  }: { userId: number; kind: LibraryKind; input: LibraryItemInput; upload?: StoredUpload | null; createdAt?: string },
): number {
  const row = tx
    .insert(libraryItems)
    .values({ kind, ...itemColumns(input), createdBy: userId, ...(createdAt ? { createdAt, updatedAt: createdAt } : {}) })
    .returning({ id: libraryItems.id })
    .get();
  replaceTagsAndLinks(tx, row.id, input);
  if (upload) addFileVersion(tx, { itemId: row.id, userId, upload });
  return row.id;
}

/** Saves the form of an existing item; a new upload becomes the next version of its file. */
export function updateLibraryItem({
  id,
  userId,
  input,
  upload = null,
}: {
  id: number;
  userId: number;
  input: LibraryItemInput;
  upload?: StoredUpload | null;
}) {
  db.transaction((tx) => {
    tx.update(libraryItems)
      .set({ ...itemColumns(input), updatedAt: new Date().toISOString() })
      .where(eq(libraryItems.id, id))
      .run();
    replaceTagsAndLinks(tx, id, input);
    if (upload) addFileVersion(tx, { itemId: id, userId, upload });
  });
}

/**
 * Removes an item with its tags, links, file versions (rows; the stored bytes may be
 * shared with other items and stay), the comments on it and who followed it.
 */
export function deleteLibraryItem({ id }: { id: number }) {
  db.transaction((tx) => {
    const onItem = and(eq(comments.targetType, 'library'), eq(comments.targetId, id));
    tx.delete(comments)
      .where(and(onItem, sql`${comments.parentId} is not null`))
      .run();
    tx.delete(comments).where(onItem).run();
    tx.delete(follows)
      .where(and(eq(follows.targetType, 'library'), eq(follows.targetId, id)))
      .run();
    tx.delete(libraryItems).where(eq(libraryItems.id, id)).run();
  });
}

/** The "Uit de kennisbank" section of a goal, action or meeting page: its items, and the query of "Item toevoegen" when the actor may add. */
export function linkedLibrarySection({ actor, targetType, targetId }: { actor: Actor; targetType: LibraryLinkTarget; targetId: number }) {
  const param = { goal: 'doel', action: 'actie', meeting: 'overleg' }[targetType];
  return {
    items: listLinkedLibraryItems({ targetType, targetId }),
    addTo: canAddLibraryItems(actor) ? `${param}=${targetId}` : null,
  };
}
