DROP INDEX "route_snapshots_scan_number_key";--> statement-breakpoint
ALTER TABLE "audit_scans" ADD COLUMN "apps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "app_id" text;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "snapshot_covers_app" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "app_id" text;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "app_label" text;--> statement-breakpoint
CREATE UNIQUE INDEX "route_snapshots_scan_app_number_key" ON "route_snapshots" USING btree ("scan_id","app_id","phone_number_id");