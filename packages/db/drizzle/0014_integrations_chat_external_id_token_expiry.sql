CREATE TABLE "chat_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"slack_bot_token_sealed" text NOT NULL,
	"announcement_webhook_sealed" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "notify_by" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_settings" ADD CONSTRAINT "chat_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_org_id_external_id_index" ON "people" USING btree ("org_id","external_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_org_id_dedupe_key_unique" UNIQUE("org_id","dedupe_key");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_channel" CHECK ("outbox"."channel" in ('email', 'slack_dm', 'slack_channel'));--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_notify_by" CHECK ("people"."notify_by" in ('email', 'chat', 'both'));