DROP INDEX "route_snapshots_scan_number_key";--> statement-breakpoint
DROP INDEX "route_snapshots_scan_url_idx";--> statement-breakpoint
ALTER TABLE "audit_scans" ADD COLUMN "apps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "app_id" text;--> statement-breakpoint
ALTER TABLE "bulk_jobs" ADD COLUMN "snapshot_covers_app" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "app_id" text;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "app_label" text;--> statement-breakpoint
CREATE UNIQUE INDEX "route_snapshots_scan_app_number_key" ON "route_snapshots" USING btree ("scan_id","app_id","phone_number_id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_number_idx" ON "route_snapshots" USING btree ("scan_id","display_phone_number","id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_waba_idx" ON "route_snapshots" USING btree ("scan_id","waba_name","waba_id","display_phone_number","id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_winner_idx" ON "route_snapshots" USING btree ("scan_id","winner","display_phone_number","id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_url_idx" ON "route_snapshots" USING btree ("scan_id","effective_url","display_phone_number","id");