import { type Db, openDatabase } from '../../db/client';
import { env } from './env.server';

// The server and the Remix build are separate module graphs in one process; both must
// share one connection per database file, so the connections live on globalThis.
const holder = globalThis as typeof globalThis & { __koersDbs?: Map<string, Db> };
holder.__koersDbs ??= new Map();

function connection(file: string): Db {
  let db = holder.__koersDbs!.get(file);
  if (!db) {
    db = openDatabase(file);
    holder.__koersDbs!.set(file, db);
  }
  return db;
}

export const db: Db = connection(env.KOERS_DATABASE);
