ALTER TABLE "route_snapshots" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD COLUMN "first_problem" text;--> statement-breakpoint
CREATE INDEX "route_snapshots_scan_verdict_idx" ON "route_snapshots" USING btree ("scan_id","verdict","first_problem");