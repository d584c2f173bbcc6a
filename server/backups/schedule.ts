/**
 * The server's daily backup (KOERS_BACKUP_TIME, KOERS_BACKUP_DIR, KOERS_BACKUP_KEEP):
 * once a day, at or after the set Dutch time, the same archive as `npm run backup`,
 * then the oldest archives beyond the newest N are removed.
 *
 * The server checks every minute whether today's backup is due rather than setting one
 * long timer: that stays right across daylight-saving changes and a suspended machine,
 * and a server that was down at the set time makes the backup when it comes back. What
 * counts as "done today" is an archive in the folder named for today at or after the set
 * time, so a restart does not make a second one. A failed backup is logged and tried
 * again an hour later; the server keeps running.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

import { env, uploadsDirFor } from '../../app/utils/env.server';
import { archiveName, dutchClock, parseArchiveName } from './archive-format';
import { type BackupResult, STAGING_PREFIX, writeBackup } from './write-backup';

export type BackupScheduleSettings = {
  /** 'HH:MM' (Dutch time) or 'off'. */
  time: string;
  dir: string;
  keep: number;
  databaseFile: string;
  uploadsDir: string;
};

const CHECK_EVERY_MS = 60_000;
const FIRST_CHECK_MS = 30_000;
const RETRY_AFTER_MS = 60 * 60 * 1000;
/** A working folder this old is left over from a backup that was cut off (a stopped server). */
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

export function backupScheduleFromEnv(): BackupScheduleSettings {
  return {
    time: env.KOERS_BACKUP_TIME,
    dir: env.KOERS_BACKUP_DIR,
    keep: env.KOERS_BACKUP_KEEP,
    databaseFile: env.KOERS_DATABASE,
    uploadsDir: uploadsDirFor(env.KOERS_DATABASE, env.KOERS_UPLOADS_DIR),
  };
}

export type BackupJob = {
  /** Makes today's backup if it is due; resolves with it, or null when nothing was due (or it failed: logged). */
  runIfDue: (now?: Date) => Promise<BackupResult | null>;
};

export function createBackupJob(settings: BackupScheduleSettings): BackupJob {
  let running = false;
  let lastFailure = 0;
  const dir = path.resolve(settings.dir);
  const setTime = settings.time.replace(':', '');

  /** An archive named for today (Dutch date) at or after the set time. */
  const doneToday = (today: string) =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir).some((name) => {
      const made = parseArchiveName(name);
      return made !== null && made.date === today && made.time.slice(0, 4) >= setTime;
    });

  return {
    async runIfDue(now = new Date()) {
      const clock = dutchClock(now);
      if (settings.time === 'off' || running || clock.time.slice(0, 4) < setTime) return null;
      if (now.getTime() - lastFailure < RETRY_AFTER_MS) return null;
      running = true;
      try {
        if (doneToday(clock.date)) return null;
        const result = await writeBackup({
          databaseFile: settings.databaseFile,
          uploadsDir: settings.uploadsDir,
          target: path.join(dir, archiveName(now)),
          now,
          by: 'schedule',
        });
        const removed = await pruneBackups(dir, settings.keep, now);
        console.log(
          `Dagelijkse back-up geschreven: ${result.file} (${result.uploads.count} bestanden)` +
            (removed.length > 0 ? `; ${removed.length} oude back-up(s) verwijderd` : ''),
        );
        if (result.missingUploads.length > 0) {
          console.warn(
            `Dagelijkse back-up: ${result.missingUploads.length} bestand(en) waar de database naar verwijst ontbreken in de uploadsmap: ` +
              result.missingUploads.map((m) => `${m.name} (${m.sha256}, ${m.reason})`).join(', '),
          );
        }
        return result;
      } catch (error) {
        lastFailure = now.getTime();
        console.error('Dagelijkse back-up mislukt; over een uur opnieuw.', error);
        return null;
      } finally {
        running = false;
      }
    },
  };
}

/**
 * Keeps the newest `keep` archives named koers-YYYYMMDD-HHMMSS.tar.gz in `dir` and
 * removes older ones (the names sort by time); other files are never touched. Also
 * removes working folders left by a backup that was cut off. Returns the names removed.
 */
export async function pruneBackups(dir: string, keep: number, now = new Date()): Promise<string[]> {
  const names = await fsp.readdir(dir);
  const archives = names.filter((name) => parseArchiveName(name) !== null).sort();
  const removed = archives.slice(0, Math.max(0, archives.length - keep));
  for (const name of removed) await fsp.rm(path.join(dir, name), { force: true });
  for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX))) {
    const stat = await fsp.stat(path.join(dir, name)).catch(() => null);
    if (stat && now.getTime() - stat.mtimeMs > STALE_STAGING_MS) await fsp.rm(path.join(dir, name), { recursive: true, force: true });
  }
  return removed;
}

/**
 * Starts the daily backup in the server. With KOERS_BACKUP_TIME=off it does nothing; a
 * backup folder that cannot be made or written to stops the start-up, naming the setting.
 */
export function startBackupSchedule(settings: BackupScheduleSettings = backupScheduleFromEnv()): { stop: () => void } {
  if (settings.time === 'off') return { stop: () => {} };
  const dir = path.resolve(settings.dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new Error(`KOERS_BACKUP_DIR: de back-upmap ${dir} kan niet worden gemaakt of beschreven (${(error as Error).message}).`);
  }
  const job = createBackupJob(settings);
  const check = () => void job.runIfDue();
  const first = setTimeout(check, FIRST_CHECK_MS);
  const timer = setInterval(check, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  console.log(`Dagelijkse back-up om ${settings.time} (Nederlandse tijd) naar ${dir}; de nieuwste ${settings.keep} blijven bewaard.`);
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
