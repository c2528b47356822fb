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