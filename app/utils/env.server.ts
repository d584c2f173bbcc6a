import { createHash } from 'node:crypto';
import path from 'node:path';

import { z } from 'zod';

/**
 * The environment Koers reads, validated once at start-up so a typo in a variable
 * stops the server with a clear message instead of surfacing later as odd behaviour.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KOERS_DATABASE: z.string().min(1).default('data/koers.sqlite'),
  /** Public base URL (e.g. https://koers.example.nl); used for invite links and the Origin check. */
  KOERS_PUBLIC_URL: z.url().optional(),
  /** Create the demo accounts on an empty database ('off' for a real installation). */
  KOERS_DEMO: z.enum(['on', 'off']).default('on'),
  KOERS_DEMO_PASSWORD: z.string().min(8).default('koers-demo'),
  /** With the demo: close 2020–2024 and adopt the example agenda 2025–2028 ('off': 2020–2024 stays current). */
  KOERS_DEMO_PERIODS: z.enum(['on', 'off']).default('on'),
  /**
   * Keep finished pages per session until the next database write (server/page-cache.ts),
   * and shared routes' loader data per scope (app/utils/kept-loader-data.server.ts).
   */
  KOERS_PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  /**
   * Threads that run the loaders and render of every GET, beside the main thread
   * (server/render-threads, docs/decisions/030). Production only; 0: all on the main thread.
   * Default: one fewer than the cores, at least one (server/index.ts).
   */
  KOERS_RENDER_THREADS: z.coerce
    .number({ error: 'use a whole number from 0 to 8' })
    .int({ error: 'use a whole number from 0 to 8' })
    .min(0, { error: 'use a whole number from 0 to 8' })
    .max(8, { error: 'use a whole number from 0 to 8' })
    .optional(),
  /** Benchmarks only: append the server time of every request to this file. */
  KOERS_TIMING_LOG: z.string().min(1).optional(),
  /** Where uploaded library files are kept (by content hash); default: 'uploads' beside the database. */
  KOERS_UPLOADS_DIR: z.string().min(1).optional(),
  /** Where `npm run backup` and the scheduled backups write their archives. */
  KOERS_BACKUP_DIR: z.string().min(1).default('backups'),
  /** The server's daily backup: at this time (HH:MM, Dutch time), or 'off'. */
  KOERS_BACKUP_TIME: z
    .string()
    .regex(/^(off|([01]\d|2[0-3]):[0-5]\d)$/, { error: "use HH:MM (24-hour clock, Dutch time), e.g. 03:00, or 'off'" })
    .default('off'),
  /** The server's daily backup keeps the newest this many archives in KOERS_BACKUP_DIR. */
  KOERS_BACKUP_KEEP: z.coerce.number({ error: 'use a whole number from 1 to 1000' }).int().min(1).max(1000).default(14),
  /** The audit log keeps rows this many days; a daily job removes older ones (docs/decisions/014). */
  KOERS_AUDIT_RETENTION_DAYS: z.coerce
    .number({ error: 'use a whole number of days from 30 to 3650' })
    .int({ error: 'use a whole number of days from 30 to 3650' })
    .min(30, { error: 'use a whole number of days from 30 to 3650' })
    .max(3650, { error: 'use a whole number of days from 30 to 3650' })
    .default(730),
  /** Read notifications are removed this many days after they were read (daily job). */
  KOERS_NOTIFICATION_RETENTION_DAYS: z.coerce
    .number({ error: 'use a whole number of days from 7 to 3650' })
    .int({ error: 'use a whole number of days from 7 to 3650' })
    .min(7, { error: 'use a whole number of days from 7 to 3650' })
    .max(3650, { error: 'use a whole number of days from 7 to 3650' })
    .default(180),
  /** Sign-in with the organisation's account: a JSON file with the identity providers (docs/sign-in.md). */
  KOERS_OIDC_CONFIG: z.string().min(1).optional(),
  /** Outgoing e-mail. Without SMTP_HOST, e-mail is off and Koers says so. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** 'true' for implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).default('Koers <koers@localhost>'),
  /**
   * The key that encrypts stored secrets (two-factor seeds) and signs the short-lived
   * sign-in cookie: 64 hexadecimal characters (`openssl rand -hex 32`). Required in
   * production; development and tests derive one from the database path (secretKey()).
   */
  KOERS_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'use 64 hexadecimal characters (32 random bytes), e.g. the output of `openssl rand -hex 32`' })
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * A real installation (demo accounts off) in production without a key is a configuration
 * error: the stored secrets must stay readable after a restart and a restore. The demo
 * installation of `npm install && npm start` runs without one (the derived key of
 * secretKeyFrom, with a warning at start-up): nothing real is protected there.
 */
const CheckedEnvSchema = EnvSchema.superRefine((value, ctx) => {
  if (value.NODE_ENV === 'production' && value.KOERS_DEMO === 'off' && !value.KOERS_SECRET_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['KOERS_SECRET_KEY'],
      message: 'required in production: 64 hexadecimal characters (32 random bytes), e.g. the output of `openssl rand -hex 32`',
    });
  }
});

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = CheckedEnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

/** Where the uploaded library files of a database live: KOERS_UPLOADS_DIR, or `uploads/` beside the database file. */
export function uploadsDirFor(databaseFile: string, configured: string | undefined): string {
  return path.resolve(configured ?? path.join(path.dirname(path.resolve(databaseFile)), 'uploads'));
}

/**
 * The 32-byte key of KOERS_SECRET_KEY. Development and tests, which may run without
 * it, get a key derived from the database's path: stable across restarts of the same
 * database, different per database, and never the key of a production installation.
 */
export function secretKeyFrom(config: Pick<Env, 'KOERS_SECRET_KEY' | 'KOERS_DATABASE'>): Buffer {
  if (config.KOERS_SECRET_KEY) return Buffer.from(config.KOERS_SECRET_KEY, 'hex');
  return createHash('sha256')
    .update(`koers-development-secret:${path.resolve(config.KOERS_DATABASE)}`)
    .digest();
}
