ALTER TABLE "project_interests" ADD COLUMN "customer_pinyin" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "customer_initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "project_interests_owner_initials_idx" ON "project_interests" USING btree ("owner_id","customer_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "project_interests_owner_pinyin_idx" ON "project_interests" USING btree ("owner_id","customer_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "project_interests_company_initials_idx" ON "project_interests" USING btree ("company_id","customer_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "project_interests_company_pinyin_idx" ON "project_interests" USING btree ("company_id","customer_pinyin" text_pattern_ops);