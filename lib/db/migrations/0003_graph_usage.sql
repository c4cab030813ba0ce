CREATE TABLE "graph_usage" (
	"app_id" text NOT NULL,
	"scope" text NOT NULL,
	"object_id" text DEFAULT '' NOT NULL,
	"use_case_type" text DEFAULT '' NOT NULL,
	"call_count" double precision NOT NULL,
	"total_cputime" double precision NOT NULL,
	"total_time" double precision NOT NULL,
	"regain_access_minutes" double precision,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "graph_usage_app_id_scope_object_id_use_case_type_pk" PRIMARY KEY("app_id","scope","object_id","use_case_type")
);
--> statement-breakpoint
CREATE INDEX "graph_usage_received_idx" ON "graph_usage" USING btree ("app_id","received_at");