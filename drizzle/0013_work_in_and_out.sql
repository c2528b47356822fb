CREATE TABLE `access_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_tokens_id_unique` ON `access_tokens` (`id`);--> statement-breakpoint
CREATE INDEX `access_tokens_user_idx` ON `access_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `mail_queue` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`board_id` text NOT NULL,
	`kind` text NOT NULL,
	`item` text NOT NULL,
	`queued_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mail_queue_user_idx` ON `mail_queue` (`user_id`,`queued_at`);--> statement-breakpoint
CREATE TABLE `mail_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`language` text NOT NULL,
	`muted` text DEFAULT '[]' NOT NULL,
	`last_sent_at` integer
);
--> statement-breakpoint
CREATE TABLE `integrations` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`secret` text DEFAULT '' NOT NULL,
	`events` text NOT NULL,
	`locale` text NOT NULL,
	`digest_weekday` integer DEFAULT 1 NOT NULL,
	`digest_hour` integer DEFAULT 9 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`disabled_reason` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `integrations_board_idx` ON `integrations` (`board_id`);--> statement-breakpoint
CREATE TABLE `outbound_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`integration_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`duration_ms` integer NOT NULL,
	`ok` integer NOT NULL,
	`error` text,
	`response` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbound_attempts_integration_idx` ON `outbound_attempts` (`integration_id`,`id`);--> statement-breakpoint
CREATE TABLE `outbound_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`integration_id` text NOT NULL,
	`board_id` text NOT NULL,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbound_deliveries_event_idx` ON `outbound_deliveries` (`integration_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `outbound_deliveries_due_idx` ON `outbound_deliveries` (`status`,`next_at`);