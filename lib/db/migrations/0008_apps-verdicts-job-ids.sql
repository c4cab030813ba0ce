CREATE TABLE "meta_apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"access_token_enc" text NOT NULL,
	"app_secret_enc" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_log" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "change_log" ADD COLUMN "app_id" text;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "first_problem" text;--> statement-breakpoint
CREATE INDEX "change_log_job_idx" ON "change_log" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "receiver_deliveries_rejected_idx" ON "receiver_deliveries" USING btree ("receiver_id","seq") WHERE "receiver_deliveries"."outcome" = 'rejected';--> statement-breakpoint
CREATE INDEX "route_snapshots_scan_verdict_idx" ON "route_snapshots" USING btree ("scan_id","verdict","first_problem");