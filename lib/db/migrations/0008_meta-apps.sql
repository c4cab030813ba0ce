CREATE TABLE "meta_apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"access_token_enc" text NOT NULL,
	"app_secret_enc" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "change_log" ADD COLUMN "app_id" text;