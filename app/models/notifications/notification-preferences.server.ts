import { and, eq } from 'drizzle-orm';

import { notificationPreferences } from '../../../db/schema';
import { db } from '../../utils/db.server';
import { type EmailMode, NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';

export type { EmailMode, NotificationKind } from './notification-kinds';
export type NotificationPreference = { enabled: boolean; email: EmailMode };

/** Without a row: shown in Koers, no e-mail. */
export const DEFAULT_PREFERENCE: NotificationPreference = { enabled: true, email: 'off' };

export function getPreference({ userId, kind }: { userId: number; kind: NotificationKind }): NotificationPreference {
  const row = db
    .select({ enabled: notificationPreferences.enabled, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .get();
  return row ?? DEFAULT_PREFERENCE;
}

/** Every kind, in NOTIFICATION_KINDS order, with the defaults filled in. */
export function listPreferences(userId: number): Record<NotificationKind, NotificationPreference> {
  const rows = db
    .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .all();
  const stored = new Map(rows.map((r) => [r.kind, { enabled: r.enabled, email: r.email }]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, stored.get(kind) ?? DEFAULT_PREFERENCE])) as Record<
    NotificationKind,
    NotificationPreference
  >;
}

/**
 * Stores the preferences form in one transaction. `email` null keeps the stored e-mail
 * choice (the form cannot change it while e-mail is off on this installation).
 */
export function savePreferences({
  userId,
  preferences,
}: {
  userId: number;
  preferences: Record<NotificationKind, { enabled: boolean; email: EmailMode | null }>;
}) {
  const current = listPreferences(userId);
  db.transaction((tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const wanted = { enabled: preferences[kind].enabled, email: preferences[kind].email ?? current[kind].email };
      tx.insert(notificationPreferences)
        .values({ userId, kind, ...wanted })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: wanted })
        .run();
    }
  });
}
