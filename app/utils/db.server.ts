import { type Db, openDatabase } from '../../db/client';
import { env } from './env.server';
import { singleton } from './singleton.server';

// One connection per database file and process, shared by the server and the Remix build.
export const db: Db = singleton(`database:${env.KOERS_DATABASE}`, () => openDatabase(env.KOERS_DATABASE));
