CREATE TABLE `project_analyses` (
	`project_id` text PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL,
	`rules_fingerprint` text NOT NULL,
	`library_version` text NOT NULL,
	`analysed_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rule_sets` (
	`scope` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`version` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `threat_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`threat_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text,
	`justification` text,
	`revision` integer,
	`by` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `threat_events_threat_idx` ON `threat_events` (`project_id`,`threat_id`);--> statement-breakpoint
CREATE TABLE `threat_records` (
	`project_id` text NOT NULL,
	`threat_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`target_id` text NOT NULL,
	`stride` text NOT NULL,
	`title` text NOT NULL,
	`affects_safety` integer NOT NULL,
	`snapshot` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`first_seen_revision` integer NOT NULL,
	`last_seen_revision` integer NOT NULL,
	`obsolete_since_revision` integer,
	PRIMARY KEY(`project_id`, `threat_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
