CREATE TABLE `recurring_claims` (
	`board_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`period` text NOT NULL,
	`card_id` text NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`board_id`, `rule_id`, `period`)
);
