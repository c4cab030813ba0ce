CREATE TABLE "audit_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"app_id" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"wabas_total" integer,
	"wabas_scanned" integer DEFAULT 0 NOT NULL,
	"numbers_total" integer,
	"numbers_total_exact" boolean DEFAULT false NOT NULL,
	"numbers_scanned" integer DEFAULT 0 NOT NULL,
	"graph_calls" integer DEFAULT 0 NOT NULL,
	"batch_operations" integer DEFAULT 0 NOT NULL,
	"backoffs" integer DEFAULT 0 NOT NULL,
	"throttled_ms" integer DEFAULT 0 NOT NULL,
	"changed_count" integer,
	"drift_count" integer,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulk_job_items" (
	"job_id" uuid NOT NULL,
	"phone_number_id" text NOT NULL,
	"waba_id" text NOT NULL,
	"waba_name" text,
	"business_id" text NOT NULL,
	"ownership" text NOT NULL,
	"display_phone_number" text,
	"expected" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"outcome" text,
	"message" text,
	"read_back" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_job_items_job_id_phone_number_id_pk" PRIMARY KEY("job_id","phone_number_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"override_callback_uri" text,
	"verify_token_masked" text,
	"selection" jsonb NOT NULL,
	"scan_id" uuid,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"preflight" jsonb,
	"backoffs" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "route_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scan_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"phone_number_id" text NOT NULL,
	"waba_id" text NOT NULL,
	"waba_name" text,
	"business_id" text NOT NULL,
	"ownership" text NOT NULL,
	"display_phone_number" text,
	"verified_name" text,
	"phone_tier" text,
	"waba_tier" text,
	"app_tier" text,
	"winner" text,
	"effective_url" text,
	"subscribed" boolean NOT NULL,
	"changed" boolean DEFAULT false NOT NULL,
	"drift" boolean DEFAULT false NOT NULL,
	"previous" jsonb
);
--> statement-breakpoint
ALTER TABLE "bulk_job_items" ADD CONSTRAINT "bulk_job_items_job_id_bulk_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."bulk_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "route_snapshots" ADD CONSTRAINT "route_snapshots_scan_id_audit_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."audit_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_scans_started_idx" ON "audit_scans" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "bulk_job_items_status_idx" ON "bulk_job_items" USING btree ("job_id","status");--> statement-breakpoint
CREATE INDEX "bulk_jobs_created_idx" ON "bulk_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "route_snapshots_scan_number_key" ON "route_snapshots" USING btree ("scan_id","phone_number_id");--> statement-breakpoint
CREATE INDEX "route_snapshots_number_idx" ON "route_snapshots" USING btree ("phone_number_id","at");--> statement-breakpoint
CREATE INDEX "route_snapshots_scan_url_idx" ON "route_snapshots" USING btree ("scan_id","effective_url");