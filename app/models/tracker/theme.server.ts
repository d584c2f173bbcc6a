import { eq } from 'drizzle-orm';

import { themes } from '../../../db/schema';
import type { ThemeFormInput } from '../../schemas/theme';
import { db } from '../../utils/db.server';
import { NotFoundError } from '../errors';
import { recordUpdate } from '../history.server';
import { assertThemeWritable } from '../periods/period-guard.server';

/** One chapter of the agenda; undefined when it does not exist. */
export function getTheme(id: number) {
  return db
    .select({ id: themes.id, code: themes.code, title: themes.title, kind: themes.kind, body: themes.body })
    .from(themes)
    .where(eq(themes.id, id))
    .get();
}

/** Saves the chapter form; history records only the fields that changed. */
export function updateTheme({ userId, id, input }: { userId: number; id: number; input: ThemeFormInput }) {
  db.transaction((tx) => {
    const before = tx.select({ title: themes.title, body: themes.body }).from(themes).where(eq(themes.id, id)).get();
    if (!before) throw new NotFoundError('theme', id);
    assertThemeWritable(tx, id);
    const fields = { title: input.title, body: input.body };
    if (recordUpdate(tx, 'theme', id, userId, before, fields)) {
      tx.update(themes).set(fields).where(eq(themes.id, id)).run();
    }
  });
}
