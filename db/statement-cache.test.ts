import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { openDatabase } from './client';
import { withStatementCache } from './statement-cache';

function connection() {
  const sqlite = new Database(':memory:');
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c')");
  return sqlite;
}

describe('statement cache', () => {
  it('hands out the compiled statement again for the same SQL', () => {
    const cached = withStatementCache(connection());
    expect(cached.prepare('select name from t where id = ?')).toBe(cached.prepare('select name from t where id = ?'));
    expect(cached.prepare('select name from t where id = ?').get(2)).toEqual({ name: 'b' });
  });

  it('returns rows as objects again after a caller switched the statement to arrays', () => {
    const cached = withStatementCache(connection());
    expect(cached.prepare('select id, name from t where id = 1').raw().get()).toEqual([1, 'a']);
    expect(cached.prepare('select id, name from t where id = 1').get()).toEqual({ id: 1, name: 'a' });
  });

  it('gives a statement that is still stepping through rows to nobody else', () => {
    const cached = withStatementCache(connection());
    const names: string[] = [];
    for (const row of cached.prepare('select id, name from t order by id').iterate() as Iterable<{ id: number; name: string }>) {
      names.push(`${row.name}:${(cached.prepare('select id, name from t order by id').all() as unknown[]).length}`);
    }
    expect(names).toEqual(['a:3', 'b:3', 'c:3']);
  });

  it('keeps at most its size, forgetting the least recently used', () => {
    const cached = withStatementCache(connection(), 2);
    const first = cached.prepare('select 1');
    const second = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(first);
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(first);
    expect(cached.prepare('select 2')).not.toBe(second);
  });

  it('is used by drizzle only: statements prepared on the connection stay their own', () => {
    const db = openDatabase(':memory:');
    const plucked = db.$client.prepare('select 7 as n').pluck();
    expect(db.$client.prepare('select 7 as n')).not.toBe(plucked);
    expect(plucked.get()).toBe(7);
    db.$client.close();
  });
});
