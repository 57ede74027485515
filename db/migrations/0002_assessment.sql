CREATE TABLE `hazards` (
	`project_id` text NOT NULL,
	`id` text NOT NULL,
	`title` text NOT NULL,
	`harm` text DEFAULT '' NOT NULL,
	`severity` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`project_id`, `id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `project_controls` (
	`project_id` text NOT NULL,
	`id` text NOT NULL,
	`library_id` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`fda_category` text DEFAULT '' NOT NULL,
	`capabilities` text DEFAULT '[]' NOT NULL,
	`annex_i` text DEFAULT '[]' NOT NULL,
	`transfers_to_operator` integer DEFAULT false NOT NULL,
	`ifu_text` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`evidence` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`project_id`, `id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `project_settings` (
	`project_id` text PRIMARY KEY NOT NULL,
	`risk_settings` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `threat_controls` (
	`project_id` text NOT NULL,
	`threat_id` text NOT NULL,
	`control_id` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`rationale` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`project_id`, `threat_id`, `control_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `threat_records` ADD `hazard_id` text;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `multi_patient` integer;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `cvss31_before` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `cvss40_before` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `rubric_before` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `cvss31_after` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `cvss40_after` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `threat_records` ADD `change_token` text;