import { inArray } from 'drizzle-orm';

import { actions, goals, type HistoryEntity, localAccents, organisations, themes, users } from '../../db/schema';
import { changesPage } from '../i18n/nl/changes-page';
import { db } from '../utils/db.server';
import { countHistorySince, type HistoryEntry, listHistorySince } from './history.server';
import { pageWindow } from './paging';

/** Names for the ids a history entry may hold, so the list can say "Trekker: Velsen" rather than "12". */
export type HistoryNames = {
  users: Record<number, string>;
  organisations: Record<number, string>;
  goals: Record<number, string>;
  themes: Record<number, string>;
};

const ID_FIELDS = {
  users: ['ownerUserId'],
  organisations: ['ownerOrganisationId', 'municipalityId'],
  goals: ['goalId'],
  themes: ['themeId'],
} as const;

function collectIds(entries: HistoryEntry[], fields: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const entry of entries) {
    for (const side of [entry.before, entry.after]) {
      if (!side) continue;
      for (const field of fields) {
        const value = side[field];
        if (typeof value === 'number') ids.add(value);
      }
    }
  }
  return [...ids];
}

const toRecord = (rows: { id: number; name: string }[]) => Object.fromEntries(rows.map((r) => [r.id, r.name])) as Record<number, string>;

/** Resolves every id in the entries' before/after with one query per kind of id. */
export function resolveHistoryNames(entries: HistoryEntry[]): HistoryNames {
  const userIds = collectIds(entries, ID_FIELDS.users);
  const organisationIds = collectIds(entries, ID_FIELDS.organisations);
  const goalIds = collectIds(entries, ID_FIELDS.goals);
  const themeIds = collectIds(entries, ID_FIELDS.themes);
  return {
    users: userIds.length
      ? toRecord(db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)).all())
      : {},
    organisations: organisationIds.length
      ? toRecord(
          db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, organisationIds))
            .all(),
        )
      : {},
    goals: goalIds.length
      ? toRecord(
          db
            .select({ id: goals.id, code: goals.code, title: goals.title })
            .from(goals)
            .where(inArray(goals.id, goalIds))
            .all()
            .map((g) => ({ id: g.id, name: `${g.code} ${g.title}` })),
        )
      : {},
    themes: themeIds.length
      ? toRecord(
          db
            .select({ id: themes.id, code: themes.code, title: themes.title })
            .from(themes)
            .where(inArray(themes.id, themeIds))
            .all()
            .map((t) => ({ id: t.id, name: `${t.code} ${t.title}` })),
        )
      : {},
  };
}

export type ChangedItem = { label: string; href: string | null };

function idsOf(entries: HistoryEntry[], type: HistoryEntity) {
  return [...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId))];
}

/**
 * Titles and links of the items the entries are about, one query per entity type
 * (never one per row). Deleted items have no entry in the result.
 */
function describeItems(entries: HistoryEntry[]): Record<string, ChangedItem> {
  const items: Record<string, ChangedItem> = {};
  const goalIds = idsOf(entries, 'goal');
  const actionIds = idsOf(entries, 'action');
  const accentIds = idsOf(entries, 'accent');
  const themeIds = idsOf(entries, 'theme');
  if (goalIds.length) {
    for (const g of db.select({ id: goals.id, code: goals.code, title: goals.title }).from(goals).where(inArray(goals.id, goalIds)).all()) {
      items[`goal:${g.id}`] = { label: `${g.code} ${g.title}`, href: `/doelen/${g.id}` };
    }
  }
  if (actionIds.length) {
    for (const a of db.select({ id: actions.id, title: actions.title }).from(actions).where(inArray(actions.id, actionIds)).all()) {
      items[`action:${a.id}`] = { label: a.title, href: `/acties/${a.id}` };
    }
  }
  if (accentIds.length) {
    const rows = db
      .select({ id: localAccents.id, goalId: localAccents.goalId, municipalityId: localAccents.municipalityId })
      .from(localAccents)
      .where(inArray(localAccents.id, accentIds))
      .all();
    const goalCodes = toRecord(
      rows.length
        ? db
            .select({ id: goals.id, name: goals.code })
            .from(goals)
            .where(inArray(goals.id, [...new Set(rows.map((r) => r.goalId))]))
            .all()
        : [],
    );
    const municipalityNames = toRecord(
      rows.length
        ? db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(inArray(organisations.id, [...new Set(rows.map((r) => r.municipalityId))]))
            .all()
        : [],
    );
    for (const r of rows) {
      items[`accent:${r.id}`] = {
        label: changesPage.accentItem(municipalityNames[r.municipalityId], goalCodes[r.goalId]),
        href: `/accenten/${r.goalId}/${r.municipalityId}`,
      };
    }
  }
  if (themeIds.length) {
    for (const th of db
      .select({ id: themes.id, code: themes.code, title: themes.title })
      .from(themes)
      .where(inArray(themes.id, themeIds))
      .all()) {
      items[`theme:${th.id}`] = { label: `${th.code} ${th.title}`, href: null };
    }
  }
  return items;
}

/**
 * Changes a page of "Wat is er veranderd" shows. Fifty keep the page within its budget on the
 * benchmark's workspace (docs/decisions/033); the pages behind it reach every older change.
 */
export const CHANGES_PAGE_SIZE = 50;

/**
 * "Wat is er veranderd": the changes since a date (inclusive) — of one period's items with
 * `periodId` — newest first, one page of them, with item titles and links. `page` past the
 * last page shows the last page.
 */
export function listChangesSince({
  since,
  periodId,
  page = 1,
  pageSize = CHANGES_PAGE_SIZE,
}: {
  since: string;
  periodId?: number;
  page?: number;
  pageSize?: number;
}) {
  const paging = pageWindow(countHistorySince({ since, periodId }), pageSize, page);
  const entries = paging.total === 0 ? [] : listHistorySince({ since, periodId, limit: pageSize, offset: paging.offset });
  const items = describeItems(entries);
  return {
    entries: entries.map((e) => ({ ...e, item: items[`${e.entityType}:${e.entityId}`] ?? null })),
    names: resolveHistoryNames(entries),
    paging,
  };
}
