CREATE TABLE `finance_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stream_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`municipality_id` integer,
	`goal_id` integer,
	`action_id` integer,
	`amount_cents` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stream_id`) REFERENCES `finance_streams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finance_allocations_stream_idx` ON `finance_allocations` (`stream_id`);--> statement-breakpoint
CREATE INDEX `finance_allocations_goal_idx` ON `finance_allocations` (`goal_id`);--> statement-breakpoint
CREATE TABLE `finance_commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`allocation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`party` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`allocation_id`) REFERENCES `finance_allocations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finance_commitments_allocation_idx` ON `finance_commitments` (`allocation_id`);--> statement-breakpoint
CREATE TABLE `finance_spending` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`allocation_id` integer NOT NULL,
	`commitment_id` integer,
	`date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`allocation_id`) REFERENCES `finance_allocations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `finance_commitments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `finance_spending_allocation_idx` ON `finance_spending` (`allocation_id`);--> statement-breakpoint
CREATE INDEX `finance_spending_commitment_idx` ON `finance_spending` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `finance_streams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`received_cents` integer NOT NULL,
	`municipality_id` integer,
	`carry_over_cents` integer,
	`repayment_cents` integer,
	`notes` text DEFAULT '' NOT NULL,
	`is_example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `finance_streams_year_name_unique` ON `finance_streams` (`year`,`name`);--> statement-breakpoint
CREATE INDEX `finance_streams_year_idx` ON `finance_streams` (`year`,`kind`);