CREATE TABLE "session_organisations" (
	"session_id" text PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "people_userId_unique";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "linked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "awaiting_entry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_organisations" ADD CONSTRAINT "session_organisations_session_id_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_organisations" ADD CONSTRAINT "session_organisations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_user_id_index" ON "people" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_orgId_userId_unique" UNIQUE("org_id","user_id");