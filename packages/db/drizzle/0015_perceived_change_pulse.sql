CREATE TYPE "public"."pulse_state" AS ENUM('scheduled', 'open', 'released', 'insufficient', 'cancelled');--> statement-breakpoint
CREATE TABLE "pulse_envelopes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"ciphertext" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"pulse_id" uuid NOT NULL,
	"person_id" uuid,
	"email" text,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"state" "invitation_state" DEFAULT 'pending' NOT NULL,
	CONSTRAINT "pulse_invitations_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "pulse_invitations_orgId_pulseId_personId_unique" UNIQUE("org_id","pulse_id","person_id"),
	CONSTRAINT "pulse_invitations_orgId_pulseId_email_unique" UNIQUE("org_id","pulse_id","email"),
	CONSTRAINT "pulse_invitations_person_or_email" CHECK (("pulse_invitations"."person_id" is not null) or ("pulse_invitations"."email" is not null))
);
--> statement-breakpoint
CREATE TABLE "pulses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"source_request_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"state" "pulse_state" DEFAULT 'scheduled' NOT NULL,
	"opens_on" date NOT NULL,
	"since" date NOT NULL,
	"items" jsonb NOT NULL,
	"instrument_version" integer NOT NULL,
	"threshold" integer,
	"deadline" timestamp with time zone,
	"invited" integer,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	CONSTRAINT "pulses_threshold_at_least_3" CHECK ("pulses"."threshold" is null or "pulses"."threshold" >= 3)
);
--> statement-breakpoint
ALTER TABLE "pulse_envelopes" ADD CONSTRAINT "pulse_envelopes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_envelopes" ADD CONSTRAINT "pulse_envelopes_pulse_id_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_pulse_id_pulses_id_fk" FOREIGN KEY ("pulse_id") REFERENCES "public"."pulses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_plan_id_coaching_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."coaching_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_source_request_id_feedback_requests_id_fk" FOREIGN KEY ("source_request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulses" ADD CONSTRAINT "pulses_subject_id_people_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_envelopes_org_id_pulse_id_index" ON "pulse_envelopes" USING btree ("org_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulse_invitations_org_id_person_id_index" ON "pulse_invitations" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "pulse_invitations_org_id_pulse_id_index" ON "pulse_invitations" USING btree ("org_id","pulse_id");--> statement-breakpoint
CREATE INDEX "pulses_org_id_plan_id_index" ON "pulses" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE INDEX "pulses_org_id_subject_id_index" ON "pulses" USING btree ("org_id","subject_id");--> statement-breakpoint
CREATE INDEX "pulses_state_opens_on_index" ON "pulses" USING btree ("state","opens_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pulses_one_pending_per_plan" ON "pulses" USING btree ("org_id","plan_id") WHERE "pulses"."state" in ('scheduled', 'open');