CREATE TABLE `year_report_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `year_reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_report_sections_report_key_unique` ON `year_report_sections` (`report_id`,`key`);--> statement-breakpoint
CREATE TABLE `year_report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`adopted_by` integer,
	`adopted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `year_reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_report_versions_report_version_unique` ON `year_report_versions` (`report_id`,`version`);--> statement-breakpoint
CREATE TABLE `year_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`status` text DEFAULT 'concept' NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_reports_year_unique` ON `year_reports` (`year`);