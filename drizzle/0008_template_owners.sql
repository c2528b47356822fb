ALTER TABLE `templates` ADD `owner_id` text;--> statement-breakpoint
-- Who saved the templates already stored was never recorded. The install's first administrator
-- takes them: administrators may change every template anyway, so no member gains a right they
-- did not have, and the templates show an owner instead of none. With no account yet, the owner
-- stays null, which the permission function reads as "administrators only".
UPDATE `templates` SET `owner_id` = (
	SELECT `id` FROM `users` WHERE `is_admin` = 1 ORDER BY `created_at`, `rowid` LIMIT 1
);
