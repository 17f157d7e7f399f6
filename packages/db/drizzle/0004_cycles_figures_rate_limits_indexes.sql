CREATE TYPE "public"."cycle_phase" AS ENUM('draft', 'nominations', 'answering', 'closed', 'released');--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'analyst';--> statement-breakpoint
CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"resets_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "phase" "cycle_phase" DEFAULT 'released' NOT NULL;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "population" jsonb;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "rules" jsonb;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "nominations_close_on" date;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "answers_due_on" date;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "release_on" date;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "launched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "department" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD COLUMN "inspire" double precision GENERATED ALWAYS AS ((jsonb_path_query_first(snapshot, '$.dimensions[*] ? (@.key == "inspire").others.mean') #>> '{}')::double precision) STORED;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD COLUMN "vision" double precision GENERATED ALWAYS AS ((jsonb_path_query_first(snapshot, '$.dimensions[*] ? (@.key == "vision").others.mean') #>> '{}')::double precision) STORED;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD COLUMN "empower" double precision GENERATED ALWAYS AS ((jsonb_path_query_first(snapshot, '$.dimensions[*] ? (@.key == "empower").others.mean') #>> '{}')::double precision) STORED;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD COLUMN "dream" double precision GENERATED ALWAYS AS ((jsonb_path_query_first(snapshot, '$.dimensions[*] ? (@.key == "dream").others.mean') #>> '{}')::double precision) STORED;--> statement-breakpoint
ALTER TABLE "report_snapshots" ADD COLUMN "risk" double precision GENERATED ALWAYS AS ((jsonb_path_query_first(snapshot, '$.dimensions[*] ? (@.key == "risk").others.mean') #>> '{}')::double precision) STORED;--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_resets_at_idx" ON "rate_limit_buckets" USING btree ("resets_at");--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycles_phase_org_id_index" ON "cycles" USING btree ("phase","org_id");--> statement-breakpoint
CREATE INDEX "report_snapshots_org_id_released_at_index" ON "report_snapshots" USING btree ("org_id","released_at");