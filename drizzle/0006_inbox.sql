CREATE TABLE `inbox_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`board_id` text NOT NULL,
	`card_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`card_title` text NOT NULL,
	`excerpt` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE INDEX `inbox_items_user_idx` ON `inbox_items` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `inbox_items_unread_idx` ON `inbox_items` (`user_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `inbox_items_board_idx` ON `inbox_items` (`board_id`);