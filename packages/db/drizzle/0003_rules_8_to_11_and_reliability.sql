CREATE TYPE "public"."insufficient_reason" AS ENUM('too_few_raters', 'too_close_to_earlier');--> statement-breakpoint
CREATE TABLE "sealed_envelopes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"ciphertext" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vacuum_due" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vacuum_due_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "drafts" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "drafts" CASCADE;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD COLUMN "insufficient_reason" "insufficient_reason";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "counts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "submit_key" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "external_approved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "external_rater_domains" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "history_window_days" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "sealed_envelopes" ADD CONSTRAINT "sealed_envelopes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealed_envelopes" ADD CONSTRAINT "sealed_envelopes_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sealed_envelopes_org_id_request_id_index" ON "sealed_envelopes" USING btree ("org_id","request_id");--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_external_approved_by_id_people_id_fk" FOREIGN KEY ("external_approved_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_requests_one_active_per_subject" ON "feedback_requests" USING btree ("org_id","subject_id") WHERE "feedback_requests"."state" in ('draft', 'open');--> statement-breakpoint
ALTER TABLE "invitations" DROP COLUMN "decline_reason";--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_history_window_days" CHECK ("organisations"."history_window_days" between 0 and 730);