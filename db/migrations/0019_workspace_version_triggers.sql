-- The workspace data version (docs/decisions/024-realtime-process.md): one row whose
-- version moves with every committed write to workspace data, whichever process wrote it.
-- The web process and the real-time process share the database, so the connection's own
-- counters (total_changes(), PRAGMA data_version) can no longer tell a tracker change from
-- a keystroke in the notes. Excluded: the real-time documents' log and snapshots (typing
-- changes no page), the audit log (a download changes no page), the search index's shadow
-- tables (written by the triggers of the tables they index) and drizzle's own bookkeeping.
-- A table added later needs its three triggers too; tests/integration/data-version.test.ts
-- fails until it has them.
INSERT INTO `workspace_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `workspace_version_access_requests_ai` AFTER INSERT ON `access_requests`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_access_requests_au` AFTER UPDATE ON `access_requests`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_access_requests_ad` AFTER DELETE ON `access_requests`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_actions_ai` AFTER INSERT ON `actions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_actions_au` AFTER UPDATE ON `actions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_actions_ad` AFTER DELETE ON `actions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_agenda_points_ai` AFTER INSERT ON `agenda_points`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_agenda_points_au` AFTER UPDATE ON `agenda_points`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_agenda_points_ad` AFTER DELETE ON `agenda_points`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_agendas_ai` AFTER INSERT ON `agendas`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_agendas_au` AFTER UPDATE ON `agendas`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_agendas_ad` AFTER DELETE ON `agendas`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_comments_ai` AFTER INSERT ON `comments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_comments_au` AFTER UPDATE ON `comments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_comments_ad` AFTER DELETE ON `comments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_decisions_ai` AFTER INSERT ON `decisions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_decisions_au` AFTER UPDATE ON `decisions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_decisions_ad` AFTER DELETE ON `decisions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_allocations_ai` AFTER INSERT ON `finance_allocations`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_allocations_au` AFTER UPDATE ON `finance_allocations`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_allocations_ad` AFTER DELETE ON `finance_allocations`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_commitments_ai` AFTER INSERT ON `finance_commitments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_commitments_au` AFTER UPDATE ON `finance_commitments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_commitments_ad` AFTER DELETE ON `finance_commitments`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_spending_ai` AFTER INSERT ON `finance_spending`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_spending_au` AFTER UPDATE ON `finance_spending`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_spending_ad` AFTER DELETE ON `finance_spending`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_streams_ai` AFTER INSERT ON `finance_streams`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_streams_au` AFTER UPDATE ON `finance_streams`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_finance_streams_ad` AFTER DELETE ON `finance_streams`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_follows_ai` AFTER INSERT ON `follows`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_follows_au` AFTER UPDATE ON `follows`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_follows_ad` AFTER DELETE ON `follows`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_form_submissions_ai` AFTER INSERT ON `form_submissions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_form_submissions_au` AFTER UPDATE ON `form_submissions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_form_submissions_ad` AFTER DELETE ON `form_submissions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_goals_ai` AFTER INSERT ON `goals`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_goals_au` AFTER UPDATE ON `goals`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_goals_ad` AFTER DELETE ON `goals`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_history_ai` AFTER INSERT ON `history`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_history_au` AFTER UPDATE ON `history`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_history_ad` AFTER DELETE ON `history`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_invites_ai` AFTER INSERT ON `invites`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_invites_au` AFTER UPDATE ON `invites`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_invites_ad` AFTER DELETE ON `invites`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_files_ai` AFTER INSERT ON `library_files`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_files_au` AFTER UPDATE ON `library_files`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_files_ad` AFTER DELETE ON `library_files`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_item_links_ai` AFTER INSERT ON `library_item_links`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_item_links_au` AFTER UPDATE ON `library_item_links`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_item_links_ad` AFTER DELETE ON `library_item_links`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_item_target_groups_ai` AFTER INSERT ON `library_item_target_groups`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_item_target_groups_au` AFTER UPDATE ON `library_item_target_groups`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_item_target_groups_ad` AFTER DELETE ON `library_item_target_groups`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_items_ai` AFTER INSERT ON `library_items`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_items_au` AFTER UPDATE ON `library_items`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_library_items_ad` AFTER DELETE ON `library_items`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_local_accents_ai` AFTER INSERT ON `local_accents`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_local_accents_au` AFTER UPDATE ON `local_accents`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_local_accents_ad` AFTER DELETE ON `local_accents`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_login_failures_ai` AFTER INSERT ON `login_failures`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_login_failures_au` AFTER UPDATE ON `login_failures`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_login_failures_ad` AFTER DELETE ON `login_failures`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_meeting_attendees_ai` AFTER INSERT ON `meeting_attendees`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_meeting_attendees_au` AFTER UPDATE ON `meeting_attendees`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_meeting_attendees_ad` AFTER DELETE ON `meeting_attendees`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_meetings_ai` AFTER INSERT ON `meetings`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_meetings_au` AFTER UPDATE ON `meetings`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_meetings_ad` AFTER DELETE ON `meetings`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_minutes_versions_ai` AFTER INSERT ON `minutes_versions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_minutes_versions_au` AFTER UPDATE ON `minutes_versions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_minutes_versions_ad` AFTER DELETE ON `minutes_versions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_action_indicators_ai` AFTER INSERT ON `monitor_action_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_action_indicators_au` AFTER UPDATE ON `monitor_action_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_action_indicators_ad` AFTER DELETE ON `monitor_action_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_agenda_point_indicators_ai` AFTER INSERT ON `monitor_agenda_point_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_agenda_point_indicators_au` AFTER UPDATE ON `monitor_agenda_point_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_agenda_point_indicators_ad` AFTER DELETE ON `monitor_agenda_point_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_figures_ai` AFTER INSERT ON `monitor_figures`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_figures_au` AFTER UPDATE ON `monitor_figures`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_figures_ad` AFTER DELETE ON `monitor_figures`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_goal_indicators_ai` AFTER INSERT ON `monitor_goal_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_goal_indicators_au` AFTER UPDATE ON `monitor_goal_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_goal_indicators_ad` AFTER DELETE ON `monitor_goal_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_indicators_ai` AFTER INSERT ON `monitor_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_indicators_au` AFTER UPDATE ON `monitor_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_indicators_ad` AFTER DELETE ON `monitor_indicators`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_targets_ai` AFTER INSERT ON `monitor_targets`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_targets_au` AFTER UPDATE ON `monitor_targets`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_monitor_targets_ad` AFTER DELETE ON `monitor_targets`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notification_preferences_ai` AFTER INSERT ON `notification_preferences`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notification_preferences_au` AFTER UPDATE ON `notification_preferences`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notification_preferences_ad` AFTER DELETE ON `notification_preferences`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notifications_ai` AFTER INSERT ON `notifications`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notifications_au` AFTER UPDATE ON `notifications`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_notifications_ad` AFTER DELETE ON `notifications`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_organisations_ai` AFTER INSERT ON `organisations`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_organisations_au` AFTER UPDATE ON `organisations`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_organisations_ad` AFTER DELETE ON `organisations`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_password_resets_ai` AFTER INSERT ON `password_resets`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_password_resets_au` AFTER UPDATE ON `password_resets`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_password_resets_ad` AFTER DELETE ON `password_resets`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_progress_updates_ai` AFTER INSERT ON `progress_updates`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_progress_updates_au` AFTER UPDATE ON `progress_updates`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_progress_updates_ad` AFTER DELETE ON `progress_updates`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_provider_sessions_ai` AFTER INSERT ON `provider_sessions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_provider_sessions_au` AFTER UPDATE ON `provider_sessions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_provider_sessions_ad` AFTER DELETE ON `provider_sessions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_recovery_codes_ai` AFTER INSERT ON `recovery_codes`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_recovery_codes_au` AFTER UPDATE ON `recovery_codes`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_recovery_codes_ad` AFTER DELETE ON `recovery_codes`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_removed_persons_ai` AFTER INSERT ON `removed_persons`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_removed_persons_au` AFTER UPDATE ON `removed_persons`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_removed_persons_ad` AFTER DELETE ON `removed_persons`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_sessions_ai` AFTER INSERT ON `sessions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_sessions_au` AFTER UPDATE ON `sessions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_sessions_ad` AFTER DELETE ON `sessions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_site_texts_ai` AFTER INSERT ON `site_texts`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_site_texts_au` AFTER UPDATE ON `site_texts`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_site_texts_ad` AFTER DELETE ON `site_texts`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_themes_ai` AFTER INSERT ON `themes`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_themes_au` AFTER UPDATE ON `themes`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_themes_ad` AFTER DELETE ON `themes`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_two_factor_ai` AFTER INSERT ON `two_factor`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_two_factor_au` AFTER UPDATE ON `two_factor`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_two_factor_ad` AFTER DELETE ON `two_factor`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_two_factor_requirements_ai` AFTER INSERT ON `two_factor_requirements`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_two_factor_requirements_au` AFTER UPDATE ON `two_factor_requirements`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_two_factor_requirements_ad` AFTER DELETE ON `two_factor_requirements`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_user_identities_ai` AFTER INSERT ON `user_identities`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_user_identities_au` AFTER UPDATE ON `user_identities`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_user_identities_ad` AFTER DELETE ON `user_identities`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_users_ai` AFTER INSERT ON `users`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_users_au` AFTER UPDATE ON `users`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_users_ad` AFTER DELETE ON `users`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_report_sections_ai` AFTER INSERT ON `year_report_sections`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_report_sections_au` AFTER UPDATE ON `year_report_sections`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_report_sections_ad` AFTER DELETE ON `year_report_sections`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_report_versions_ai` AFTER INSERT ON `year_report_versions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_report_versions_au` AFTER UPDATE ON `year_report_versions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_report_versions_ad` AFTER DELETE ON `year_report_versions`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_reports_ai` AFTER INSERT ON `year_reports`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_reports_au` AFTER UPDATE ON `year_reports`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `workspace_version_year_reports_ad` AFTER DELETE ON `year_reports`
BEGIN
	UPDATE `workspace_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
