CREATE TABLE `card_due_dates` (
	`board_id` text NOT NULL,
	`card_id` text NOT NULL,
	`date` text NOT NULL,
	`told` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`board_id`, `card_id`)
);
--> statement-breakpoint
CREATE INDEX `card_due_dates_date_idx` ON `card_due_dates` (`date`,`told`);--> statement-breakpoint
CREATE TABLE `due_indexed_boards` (
	`board_id` text PRIMARY KEY NOT NULL,
	`indexed_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `inbox_items` ADD `detail` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `inbox_items` ADD `comment_id` text;--> statement-breakpoint
ALTER TABLE `inbox_items` ADD `dedupe_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_items_dedupe_idx` ON `inbox_items` (`user_id`,`dedupe_key`);