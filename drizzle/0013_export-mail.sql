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
