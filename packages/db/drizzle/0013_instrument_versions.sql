CREATE TABLE "instrument_versions" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "instrument_versions_org_id_version_pk" PRIMARY KEY("org_id","version"),
	CONSTRAINT "instrument_versions_after_built_in" CHECK ("instrument_versions"."version" >= 2)
);
--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_versions" ADD CONSTRAINT "instrument_versions_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "instrument_versions_one_draft" ON "instrument_versions" USING btree ("org_id") WHERE "instrument_versions"."published_at" is null;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_instrument_version_positive" CHECK ("feedback_requests"."instrument_version" >= 1);--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD CONSTRAINT "report_snapshots_instrument_version_positive" CHECK ("report_snapshots"."instrument_version" >= 1);