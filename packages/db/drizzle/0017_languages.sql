ALTER TABLE "organisations" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_language" CHECK ("organisations"."language" in ('en', 'de'));--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_language" CHECK ("people"."language" is null or "people"."language" in ('en', 'de'));