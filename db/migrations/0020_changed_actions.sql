CREATE TABLE `workspace_changes` (
	`version` integer NOT NULL,
	`action_id` integer NOT NULL,
	PRIMARY KEY(`version`, `action_id`)
);
--> statement-breakpoint
-- Which action pages a write may have changed (docs/decisions/028-changed-actions.md).
-- The version triggers of the tables an action page shows are replaced by ones that also
-- write, under the version they moved to, the id of the action whose page shows the row;
-- an action's row also names the actions it was carried from and to, whose pages link to
-- it by title. The tables no action page shows (notifications, form submissions) write 0.
-- Every other table keeps its plain trigger, so a version without a row here means "any
-- page may have changed". A row of history, comments or follows about something other
-- than an action writes nothing, for the same reason.
DROP TRIGGER `workspace_version_actions_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_actions_ai` AFTER INSERT ON `actions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT NEW.`id` AS `id` UNION SELECT NEW.`carried_from_id` UNION SELECT `id` FROM `actions` WHERE `carried_from_id` = NEW.`id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_actions_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_actions_au` AFTER UPDATE ON `actions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`id` AS `id` UNION SELECT OLD.`carried_from_id` UNION SELECT `id` FROM `actions` WHERE `carried_from_id` = OLD.`id` UNION SELECT NEW.`id` UNION SELECT NEW.`carried_from_id` UNION SELECT `id` FROM `actions` WHERE `carried_from_id` = NEW.`id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_actions_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_actions_ad` AFTER DELETE ON `actions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`id` AS `id` UNION SELECT OLD.`carried_from_id` UNION SELECT `id` FROM `actions` WHERE `carried_from_id` = OLD.`id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_history_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_history_ai` AFTER INSERT ON `history`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT NEW.`entity_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND NEW.`entity_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_history_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_history_au` AFTER UPDATE ON `history`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`entity_id` AS `id` UNION SELECT NEW.`entity_id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND OLD.`entity_type` = 'action' AND NEW.`entity_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_history_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_history_ad` AFTER DELETE ON `history`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`entity_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND OLD.`entity_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_comments_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_comments_ai` AFTER INSERT ON `comments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT NEW.`target_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND NEW.`target_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_comments_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_comments_au` AFTER UPDATE ON `comments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`target_id` AS `id` UNION SELECT NEW.`target_id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND OLD.`target_type` = 'action' AND NEW.`target_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_comments_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_comments_ad` AFTER DELETE ON `comments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`target_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND OLD.`target_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_follows_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_follows_ai` AFTER INSERT ON `follows`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT NEW.`target_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND NEW.`target_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_follows_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_follows_au` AFTER UPDATE ON `follows`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`target_id` AS `id` UNION SELECT NEW.`target_id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND OLD.`target_type` = 'action' AND NEW.`target_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_follows_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_follows_ad` AFTER DELETE ON `follows`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`target_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL AND OLD.`target_type` = 'action';
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_progress_updates_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_progress_updates_ai` AFTER INSERT ON `progress_updates`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT NEW.`action_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_progress_updates_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_progress_updates_au` AFTER UPDATE ON `progress_updates`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`action_id` AS `id` UNION SELECT NEW.`action_id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_progress_updates_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_progress_updates_ad` AFTER DELETE ON `progress_updates`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT OLD.`action_id` AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_notifications_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notifications_ai` AFTER INSERT ON `notifications`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT 0 AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_notifications_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notifications_au` AFTER UPDATE ON `notifications`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT 0 AS `id` UNION SELECT 0) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_notifications_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notifications_ad` AFTER DELETE ON `notifications`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT 0 AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_form_submissions_ai`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_form_submissions_ai` AFTER INSERT ON `form_submissions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT 0 AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_form_submissions_au`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_form_submissions_au` AFTER UPDATE ON `form_submissions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT 0 AS `id` UNION SELECT 0) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
--> statement-breakpoint
DROP TRIGGER `workspace_version_form_submissions_ad`;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_form_submissions_ad` AFTER DELETE ON `form_submissions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
	INSERT OR IGNORE INTO `workspace_changes` (`version`, `action_id`)
		SELECT v.`version`, c.`id` FROM `workspace_version` v, (SELECT 0 AS `id`) c
		WHERE v.`id` = 1 AND c.`id` IS NOT NULL;
END;
