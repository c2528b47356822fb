CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`kind` text NOT NULL,
	`card_id` text,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_board_idx` ON `audit_events` (`board_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_card_idx` ON `audit_events` (`board_id`,`card_id`,`id`);--> statement-breakpoint
CREATE TABLE `invites` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_by` text,
	`used_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invites_board_idx` ON `invites` (`board_id`);