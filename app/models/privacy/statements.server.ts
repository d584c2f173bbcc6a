/**
 * The privacy and accessibility statements: the beheerder's text from site_texts, or
 * the default of the catalogue while there is none. Saving records who and when, and
 * an audit row; "back to the default" removes the row.
 */
import { eq } from 'drizzle-orm';

import { siteTexts, users } from '../../../db/schema';
import { t } from '../../i18n';
import { db } from '../../utils/db.server';
import { recordAudit } from '../audit/audit-log.server';
import type { StatementKey } from './statements';

export function getStatement(key: StatementKey) {
  const row = db
    .select({ body: siteTexts.body, updatedAt: siteTexts.updatedAt, updatedByName: users.name })
    .from(siteTexts)
    .leftJoin(users, eq(users.id, siteTexts.updatedBy))
    .where(eq(siteTexts.key, key))
    .get();
  if (row) return { key, body: row.body, isDefault: false, updatedAt: row.updatedAt };
  return { key, body: t.privacy.statements.defaults[key], isDefault: true, updatedAt: null };
}

export function saveStatement({ key, body, actorId, ip }: { key: StatementKey; body: string; actorId: number; ip: string | null }) {
  db.transaction(() => {
    const updatedAt = new Date().toISOString();
    db.insert(siteTexts)
      .values({ key, body, updatedAt, updatedBy: actorId })
      .onConflictDoUpdate({ target: siteTexts.key, set: { body, updatedAt, updatedBy: actorId } })
      .run();
    recordAudit({ actorId, action: 'statement.updated', target: { type: 'statement', name: key }, ip, details: { length: body.length } });
  });
}

export function resetStatement({ key, actorId, ip }: { key: StatementKey; actorId: number; ip: string | null }) {
  db.transaction(() => {
    db.delete(siteTexts).where(eq(siteTexts.key, key)).run();
    recordAudit({ actorId, action: 'statement.updated', target: { type: 'statement', name: key }, ip, details: { restoredDefault: true } });
  });
}
