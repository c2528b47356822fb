CREATE TABLE `attachment_versions` (
	`board_id` text NOT NULL,
	`attachment_id` text NOT NULL,
	`v` integer NOT NULL,
	`card_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`board_id`, `attachment_id`, `v`)
);
--> statement-breakpoint
CREATE INDEX `attachment_versions_card_idx` ON `attachment_versions` (`board_id`,`card_id`);