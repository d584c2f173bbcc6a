-- The update log stored in its primary key's order (WITHOUT ROWID, which drizzle cannot
-- express; added here by hand): appending a keystroke writes one page instead of three
-- (table, index, sqlite_sequence). `seq` continues the old global ids, so every
-- snapshot's last_update_id keeps its meaning. docs/decisions/006.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_collab_updates` (
	`document_name` text NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	PRIMARY KEY(`document_name`, `seq`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_collab_updates`("document_name", "seq", "update") SELECT "document_name", "id", "update" FROM `collab_updates`;--> statement-breakpoint
DROP TABLE `collab_updates`;--> statement-breakpoint
ALTER TABLE `__new_collab_updates` RENAME TO `collab_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;
