CREATE TABLE `monitor_action_indicators` (
	`action_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `indicator_id`),
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `monitor_indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitor_action_indicators_indicator_idx` ON `monitor_action_indicators` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `monitor_figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`municipality_id` integer,
	`area_key` integer NOT NULL,
	`year` integer NOT NULL,
	`breakdown_key` text DEFAULT '' NOT NULL,
	`value` integer NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`completeness` text,
	`respondents` integer,
	`entered_by` integer,
	`entered_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `monitor_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitor_figures_unique` ON `monitor_figures` (`indicator_id`,`area_key`,`year`,`breakdown_key`);--> statement-breakpoint
CREATE INDEX `monitor_figures_year_idx` ON `monitor_figures` (`year`,`indicator_id`);--> statement-breakpoint
CREATE TABLE `monitor_goal_indicators` (
	`goal_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `indicator_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_id`) REFERENCES `monitor_indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitor_goal_indicators_indicator_idx` ON `monitor_goal_indicators` (`indicator_id`);--> statement-breakpoint
CREATE TABLE `monitor_indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`unit` text NOT NULL,
	`source` text NOT NULL,
	`monitor` text NOT NULL,
	`counted_per` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitor_indicators_code_unique` ON `monitor_indicators` (`code`);--> statement-breakpoint
CREATE TABLE `monitor_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_id` integer NOT NULL,
	`agenda_id` integer NOT NULL,
	`municipality_id` integer,
	`area_key` integer NOT NULL,
	`year` integer NOT NULL,
	`value` integer NOT NULL,
	`set_by` integer,
	`set_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `monitor_indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_id`) REFERENCES `agendas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `monitor_targets_unique` ON `monitor_targets` (`indicator_id`,`agenda_id`,`area_key`,`year`);