CREATE INDEX "people_org_id_name_id_index" ON "people" USING btree ("org_id","name","id");--> statement-breakpoint
CREATE INDEX "people_org_id_name_prefix_index" ON "people" USING btree ("org_id",lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_org_id_last_name_prefix_index" ON "people" USING btree ("org_id",lower(split_part("name", ' ', -1)) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_org_id_email_prefix_index" ON "people" USING btree ("org_id",lower("email") text_pattern_ops);