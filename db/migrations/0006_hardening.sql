CREATE TABLE `sign_in_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_key_idx` ON `sign_in_failures` (`key`,`at`);--> statement-breakpoint
-- What has been signed or recorded stays as it is: no deleting baselines or sign-offs, no changing or deleting model revisions or threat history.
CREATE TRIGGER `baselines_no_delete` BEFORE DELETE ON `baselines` BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `sign_offs_no_delete` BEFORE DELETE ON `sign_offs` BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `model_revisions_no_update` BEFORE UPDATE ON `model_revisions` BEGIN SELECT RAISE(ABORT, 'model revisions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `model_revisions_no_delete` BEFORE DELETE ON `model_revisions` BEGIN SELECT RAISE(ABORT, 'model revisions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `threat_events_no_update` BEFORE UPDATE ON `threat_events` BEGIN SELECT RAISE(ABORT, 'the threat history is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `threat_events_no_delete` BEFORE DELETE ON `threat_events` BEGIN SELECT RAISE(ABORT, 'the threat history is append-only'); END;
