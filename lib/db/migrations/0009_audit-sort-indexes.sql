CREATE INDEX "route_snapshots_sort_number_idx" ON "route_snapshots" USING btree ("scan_id","display_phone_number","id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_waba_idx" ON "route_snapshots" USING btree ("scan_id","waba_name","waba_id","display_phone_number","id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_winner_idx" ON "route_snapshots" USING btree ("scan_id","winner","display_phone_number","id");--> statement-breakpoint
CREATE INDEX "route_snapshots_sort_url_idx" ON "route_snapshots" USING btree ("scan_id","effective_url","display_phone_number","id");