CREATE TABLE "rater_thanks" (
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"mails" integer NOT NULL,
	CONSTRAINT "rater_thanks_org_id_request_id_pk" PRIMARY KEY("org_id","request_id")
);
--> statement-breakpoint
ALTER TABLE "rater_thanks" ADD CONSTRAINT "rater_thanks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_thanks" ADD CONSTRAINT "rater_thanks_request_id_feedback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;