-- The audit log is append-only (docs/decisions/014): no row is ever changed, and only
-- rows older than 30 days can be removed (the retention job removes rows older than
-- KOERS_AUDIT_RETENTION_DAYS, at least 30). A fault or a forgotten query in the app
-- cannot rewrite or erase recent history; the database itself refuses.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_early_delete` BEFORE DELETE ON `audit_log`
WHEN old.`at` > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 days')
BEGIN
	SELECT RAISE(ABORT, 'audit_log rows younger than 30 days cannot be removed');
END;
