CREATE TABLE `monitor_agenda_point_indicators` (
	`agenda_point_id` integer NOT NULL,
	`indicator_id` integer NOT NULL,
	PRIMARY KEY(`agenda_point_id`, `indicator_id`),
	FOREIGN KEY (`agenda_point_id`) REFERENCES `agenda_points`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`indicator_id`) REFERENCES `monitor_indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `monitor_agenda_point_indicators_indicator_idx` ON `monitor_agenda_point_indicators` (`indicator_id`);