/**
 * Runs the notification jobs once, from cron or by hand: the deadline check, e-mail
 * retries and (after 07:00) the daily digest. Safe to run as often as you like.
 *   npm run check-deadlines
 */
import { db } from '../app/utils/db.server';
import { migrateDatabase } from '../db/migrate';
import { runNotificationJobs } from '../server/notification-jobs';

migrateDatabase(db);
const result = await runNotificationJobs();
console.log(
  `Termijncontrole: ${result.deadlines} nieuwe meldingen. E-mail: ${result.retried.sent} verstuurd, ${result.retried.failed} mislukt. ` +
    `Samenvattingen: ${result.digests.sent} verstuurd, ${result.digests.failed} mislukt.`,
);
db.$client.close();
