CREATE TABLE `agenda_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`title` text NOT NULL,
	`duration_minutes` integer,
	`presenter` text DEFAULT '' NOT NULL,
	`goal_id` integer,
	`action_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`carried_from_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carried_from_id`) REFERENCES `agenda_points`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_points_meeting_idx` ON `agenda_points` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`text` text NOT NULL,
	`goal_id` integer,
	`action_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decisions_meeting_idx` ON `decisions` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `decisions_goal_idx` ON `decisions` (`goal_id`);--> statement-breakpoint
CREATE INDEX `decisions_action_idx` ON `decisions` (`action_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follows_unique` ON `follows` (`user_id`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `follows_target_idx` ON `follows` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `library_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`version` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime_type` text NOT NULL,
	`original_name` text NOT NULL,
	`extracted_text` text DEFAULT '' NOT NULL,
	`uploaded_by` integer,
	`uploaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `library_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_files_item_version_unique` ON `library_files` (`item_id`,`version`);--> statement-breakpoint
CREATE TABLE `library_item_links` (
	`item_id` integer NOT NULL,
	`target_type` text NOT NULL,
	`target_id` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `library_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_item_links_unique` ON `library_item_links` (`item_id`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `library_item_links_target_idx` ON `library_item_links` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `library_item_target_groups` (
	`item_id` integer NOT NULL,
	`target_group` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `library_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `library_item_target_groups_unique` ON `library_item_target_groups` (`item_id`,`target_group`);--> statement-breakpoint
CREATE TABLE `library_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`url` text,
	`contact_name` text,
	`contact_organisation` text,
	`contact_email` text,
	`contact_phone` text,
	`theme_id` integer,
	`municipality_id` integer,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `library_items_kind_idx` ON `library_items` (`kind`);--> statement-breakpoint
CREATE INDEX `library_items_theme_idx` ON `library_items` (`theme_id`);--> statement-breakpoint
CREATE INDEX `library_items_municipality_idx` ON `library_items` (`municipality_id`);--> statement-breakpoint
CREATE INDEX `library_items_created_by_idx` ON `library_items` (`created_by`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`user_id` integer,
	`guest_name` text,
	`guest_organisation` text,
	`attended` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_meeting_idx` ON `meeting_attendees` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendees_user_unique` ON `meeting_attendees` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `meeting_attendees_user_idx` ON `meeting_attendees` (`user_id`);--> statement-breakpoint
CREATE TABLE `minutes_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`version` integer NOT NULL,
	`json` text NOT NULL,
	`text` text NOT NULL,
	`published_by` integer,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_versions_meeting_version_unique` ON `minutes_versions` (`meeting_id`,`version`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`email` text DEFAULT 'off' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_preferences_unique` ON `notification_preferences` (`user_id`,`kind`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`link` text NOT NULL,
	`actor_id` integer,
	`dedupe_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`read_at` text,
	`emailed_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_user_dedupe_unique` ON `notifications` (`user_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
ALTER TABLE `actions` ADD `source_meeting_id` integer REFERENCES meetings(id);--> statement-breakpoint
CREATE INDEX `actions_source_meeting_idx` ON `actions` (`source_meeting_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `duration_minutes` integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `previous_meeting_id` integer REFERENCES meetings(id);--> statement-breakpoint
CREATE INDEX `meetings_previous_idx` ON `meetings` (`previous_meeting_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `calendar_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_calendar_token_unique` ON `users` (`calendar_token`);