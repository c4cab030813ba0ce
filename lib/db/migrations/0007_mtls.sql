ALTER TABLE "receiver_deliveries" ADD COLUMN "client_cert" text;--> statement-breakpoint
ALTER TABLE "receivers" ADD COLUMN "require_mtls" boolean DEFAULT false NOT NULL;