CREATE TABLE `admin_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ts` integer NOT NULL,
	`username` text,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`status` integer NOT NULL,
	`client` text NOT NULL,
	`duration_ms` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `admin_access_log_ts_idx` ON `admin_access_log` (`ts`);--> statement-breakpoint
CREATE TABLE `admin_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`username` text NOT NULL,
	`roles` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_username_idx` ON `admin_sessions` (`username`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ts` integer NOT NULL,
	`request_id` text NOT NULL,
	`route` text NOT NULL,
	`model` text NOT NULL,
	`stream` integer NOT NULL,
	`status` integer NOT NULL,
	`outcome` text NOT NULL,
	`latency_ms` real NOT NULL,
	`detection_ms` real NOT NULL,
	`findings` integer NOT NULL,
	`counts_by_type` text NOT NULL,
	`counts_by_action` text NOT NULL,
	`rehydrated` integer NOT NULL,
	`touched_paths` text NOT NULL,
	`error_class` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_ts_idx` ON `audit_events` (`ts`);--> statement-breakpoint
CREATE INDEX `audit_events_request_id_idx` ON `audit_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `audit_rollups` (
	`bucket` integer NOT NULL,
	`dimension` text NOT NULL,
	`name` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`bucket`, `dimension`, `name`)
);
