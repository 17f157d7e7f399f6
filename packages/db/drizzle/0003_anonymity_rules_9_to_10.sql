CREATE TYPE "public"."insufficient_reason" AS ENUM('too_few_raters', 'too_close_to_earlier');--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD COLUMN "insufficient_reason" "insufficient_reason";--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "counts" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "external_approved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "external_rater_domains" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "history_window_days" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_external_approved_by_id_people_id_fk" FOREIGN KEY ("external_approved_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_requests_one_active_per_subject" ON "feedback_requests" USING btree ("org_id","subject_id") WHERE "feedback_requests"."state" in ('draft', 'open');--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_history_window_days" CHECK ("organisations"."history_window_days" between 0 and 730);