import type Database from 'better-sqlite3';

type Statement = Database.Statement;

/** Enough for every distinct statement the pages run; `inArray` with varying lengths makes a few more. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as drizzle sees it, with its compiled statements kept for reuse.
 *
 * drizzle compiles every query again on every call (`client.prepare(sql)`), and SQLite's
 * compilation is a measurable share of a page: ~0.8 ms of the action list's ~17 ms in
 * `bench/profile.ts`. Reusing the compiled statement for the same SQL text is what
 * better-sqlite3 recommends; SQLite recompiles a statement by itself when the schema
 * changes under it.
 *
 * Only drizzle's session gets this view (`db/client.ts`): a statement is returned in its
 * default result mode on every hit, because drizzle switches `raw()` on for selects with
 * fields and relies on objects otherwise. Code that prepares on the connection itself and
 * keeps a statement with `pluck()` (the data version) never shares it with drizzle.
 * A statement still stepping through rows (`busy`) is never handed out twice.
 */
export function withStatementCache(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): Database.Database {
  const statements = new Map<string, Statement>();

  const prepare = (source: string): Statement => {
    const cached = statements.get(source);
    if (cached && !cached.busy) {
      // Most recently used last, so the first entry is the one to evict.
      statements.delete(source);
      statements.set(source, cached);
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = sqlite.prepare(source);
    if (!cached) {
      statements.set(source, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };

  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
