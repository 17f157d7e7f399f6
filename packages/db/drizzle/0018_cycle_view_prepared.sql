CREATE TABLE "cycle_view_prepared" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"data" "bytea" NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_view_prepared_org_id_cycle_id_pk" PRIMARY KEY("org_id","cycle_id")
);
--> statement-breakpoint
ALTER TABLE "cycle_view_prepared" ADD CONSTRAINT "cycle_view_prepared_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_view_prepared" ADD CONSTRAINT "cycle_view_prepared_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;