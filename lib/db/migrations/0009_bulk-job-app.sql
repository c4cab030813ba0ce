ALTER TABLE "bulk_jobs" ADD COLUMN "app_id" text;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "snapshot_covers_app" boolean DEFAULT true NOT NULL;