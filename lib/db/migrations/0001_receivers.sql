CREATE TABLE "receiver_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"receiver_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"reject_reason" text,
	"signature_key" text,
	"headers" jsonb NOT NULL,
	"body" text,
	"body_encoding" text,
	"body_bytes" integer NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone_number_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"waba_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"new_event_count" integer DEFAULT 0 NOT NULL,
	"routed_tier" text
);
--> statement-breakpoint
CREATE TABLE "receiver_events" (
	"receiver_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"delivery_id" uuid NOT NULL,
	"field" text NOT NULL,
	"phone_number_id" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "receiver_events_receiver_id_event_key_pk" PRIMARY KEY("receiver_id","event_key")
);
--> statement-breakpoint
CREATE TABLE "receivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"verify_token_enc" text NOT NULL,
	"app_secret_enc" text NOT NULL,
	"previous_app_secret_enc" text,
	"previous_secret_valid_until" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"secret_rotated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "receiver_deliveries" ADD CONSTRAINT "receiver_deliveries_receiver_id_receivers_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."receivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receiver_events" ADD CONSTRAINT "receiver_events_receiver_id_receivers_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."receivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "receiver_deliveries_seq_key" ON "receiver_deliveries" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "receiver_deliveries_receiver_idx" ON "receiver_deliveries" USING btree ("receiver_id","seq");--> statement-breakpoint
CREATE INDEX "receiver_events_phone_idx" ON "receiver_events" USING btree ("phone_number_id","received_at");