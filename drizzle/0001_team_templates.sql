CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`definition` text NOT NULL,
	`source_board_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
