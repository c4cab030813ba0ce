CREATE TABLE "onprem_deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"base_url" text NOT NULL,
	"username" text NOT NULL,
	"password_enc" text NOT NULL,
	"phone_number_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "onprem_deployments_base_url_key" ON "onprem_deployments" USING btree ("base_url");