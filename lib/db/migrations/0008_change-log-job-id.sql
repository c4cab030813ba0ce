ALTER TABLE "change_log" ADD COLUMN "job_id" uuid;--> statement-breakpoint
CREATE INDEX "change_log_job_idx" ON "change_log" USING btree ("job_id");