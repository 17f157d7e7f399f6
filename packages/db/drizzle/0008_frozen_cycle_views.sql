CREATE TABLE "cycle_view_cells" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"view" jsonb NOT NULL,
	"threshold" integer,
	"participation" jsonb,
	"distribution" jsonb,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_view_cells_org_id_cycle_id_key_pk" PRIMARY KEY("org_id","cycle_id","key")
);
--> statement-breakpoint
CREATE TABLE "cycle_view_reports" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"subject_id" uuid,
	"requester_id" uuid,
	"cell_keys" text[] NOT NULL,
	"inspire" double precision,
	"vision" double precision,
	"empower" double precision,
	"dream" double precision,
	"risk" double precision,
	CONSTRAINT "cycle_view_reports_org_id_cycle_id_request_id_pk" PRIMARY KEY("org_id","cycle_id","request_id")
);
--> statement-breakpoint
ALTER TABLE "cycle_view_cells" ADD CONSTRAINT "cycle_view_cells_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_view_cells" ADD CONSTRAINT "cycle_view_cells_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_view_reports" ADD CONSTRAINT "cycle_view_reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_view_reports" ADD CONSTRAINT "cycle_view_reports_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;