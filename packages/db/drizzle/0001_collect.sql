CREATE TYPE "public"."invitation_state" AS ENUM('pending', 'draft', 'submitted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."outbox_state" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."rater_group" AS ENUM('self', 'manager', 'peer', 'direct_report', 'other');--> statement-breakpoint
CREATE TYPE "public"."request_state" AS ENUM('draft', 'open', 'closed', 'released', 'cancelled', 'insufficient');--> statement-breakpoint
CREATE TABLE "drafts" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"comments" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"threshold" integer NOT NULL,
	"instrument_version" integer NOT NULL,
	"state" "request_state" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "feedback_requests_threshold_at_least_3" CHECK ("feedback_requests"."threshold" >= 3)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"person_id" uuid,
	"email" text,
	"group" "rater_group" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"state" "invitation_state" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_orgId_requestId_personId_unique" UNIQUE("org_id","request_id","person_id"),
	CONSTRAINT "invitations_orgId_requestId_email_unique" UNIQUE("org_id","request_id","email"),
	CONSTRAINT "invitations_person_or_email" CHECK (("invitations"."person_id" is not null) or ("invitations"."email" is not null))
);
--> statement-breakpoint
CREATE TABLE "nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"person_id" uuid,
	"email" text,
	"group" "rater_group" NOT NULL,
	"proposed_by_id" uuid NOT NULL,
	"approved" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nominations_orgId_requestId_personId_unique" UNIQUE("org_id","request_id","person_id"),
	CONSTRAINT "nominations_orgId_requestId_email_unique" UNIQUE("org_id","request_id","email"),
	CONSTRAINT "nominations_person_or_email" CHECK (("nominations"."person_id" is not null) or ("nominations"."email" is not null))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"template" text NOT NULL,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" "outbox_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_snapshots" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"instrument_version" integer NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sealed_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"group" "rater_group" NOT NULL,
	"answers" jsonb NOT NULL,
	"comments" jsonb NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_subject_id_people_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_requester_id_people_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_proposed_by_id_people_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealed_responses" ADD CONSTRAINT "sealed_responses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sealed_responses" ADD CONSTRAINT "sealed_responses_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_requests_org_id_subject_id_index" ON "feedback_requests" USING btree ("org_id","subject_id");--> statement-breakpoint
CREATE INDEX "feedback_requests_org_id_requester_id_index" ON "feedback_requests" USING btree ("org_id","requester_id");--> statement-breakpoint
CREATE INDEX "feedback_requests_state_deadline_index" ON "feedback_requests" USING btree ("state","deadline");--> statement-breakpoint
CREATE INDEX "invitations_org_id_person_id_index" ON "invitations" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "invitations_org_id_request_id_index" ON "invitations" USING btree ("org_id","request_id");--> statement-breakpoint
CREATE INDEX "nominations_org_id_request_id_index" ON "nominations" USING btree ("org_id","request_id");--> statement-breakpoint
CREATE INDEX "outbox_state_next_attempt_at_index" ON "outbox" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_org_id_created_at_index" ON "outbox" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "sealed_responses_org_id_request_id_index" ON "sealed_responses" USING btree ("org_id","request_id");