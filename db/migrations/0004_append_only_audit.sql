-- The audit log and the baselines are append-only: the database refuses to change or delete their rows.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `baselines_no_update` BEFORE UPDATE ON `baselines` BEGIN SELECT RAISE(ABORT, 'baselines are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `sign_offs_no_update` BEFORE UPDATE ON `sign_offs` BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
