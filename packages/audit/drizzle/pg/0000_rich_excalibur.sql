CREATE TABLE "admin_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ts" bigint NOT NULL,
	"username" text,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status" integer NOT NULL,
	"client" text NOT NULL,
	"duration_ms" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"username" text NOT NULL,
	"roles" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ts" bigint NOT NULL,
	"request_id" text NOT NULL,
	"route" text NOT NULL,
	"model" text NOT NULL,
	"stream" integer NOT NULL,
	"status" integer NOT NULL,
	"outcome" text NOT NULL,
	"latency_ms" double precision NOT NULL,
	"detection_ms" double precision NOT NULL,
	"findings" integer NOT NULL,
	"counts_by_type" text NOT NULL,
	"counts_by_action" text NOT NULL,
	"rehydrated" integer NOT NULL,
	"touched_paths" text NOT NULL,
	"error_class" text
);
--> statement-breakpoint
CREATE TABLE "audit_rollups" (
	"bucket" bigint NOT NULL,
	"dimension" text NOT NULL,
	"name" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "audit_rollups_bucket_dimension_name_pk" PRIMARY KEY("bucket","dimension","name")
);
--> statement-breakpoint
CREATE INDEX "admin_access_log_ts_idx" ON "admin_access_log" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "admin_sessions_username_idx" ON "admin_sessions" USING btree ("username");--> statement-breakpoint
CREATE INDEX "audit_events_ts_idx" ON "audit_events" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "audit_events_request_id_idx" ON "audit_events" USING btree ("request_id");