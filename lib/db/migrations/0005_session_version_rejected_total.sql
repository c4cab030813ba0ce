ALTER TABLE "receivers" ADD COLUMN "rejected_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "receivers" SET "rejected_total" = (SELECT count(*)::int FROM "receiver_deliveries" d WHERE d."receiver_id" = "receivers"."id" AND d."outcome" = 'rejected');
