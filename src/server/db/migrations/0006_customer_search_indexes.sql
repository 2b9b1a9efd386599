DROP INDEX "project_interests_owner_due_idx";--> statement-breakpoint
DROP INDEX "project_interests_team_due_idx";--> statement-breakpoint
DROP INDEX "project_interests_project_due_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name_grams" text[] GENERATED ALWAYS AS (customer_name_grams(name)) STORED;--> statement-breakpoint
CREATE INDEX "customers_name_grams_idx" ON "customers" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "project_interests_company_due_idx" ON "project_interests" USING btree ("company_id","next_follow_up_at","id") WHERE NOT in_pool;--> statement-breakpoint
CREATE INDEX "project_interests_due_idx" ON "project_interests" USING btree ("next_follow_up_at","id") WHERE NOT in_pool;--> statement-breakpoint
CREATE INDEX "project_interests_owner_due_idx" ON "project_interests" USING btree ("owner_id","next_follow_up_at","id") WHERE NOT in_pool;--> statement-breakpoint
CREATE INDEX "project_interests_team_due_idx" ON "project_interests" USING btree ("owner_team_id","next_follow_up_at","id") WHERE NOT in_pool;--> statement-breakpoint
CREATE INDEX "project_interests_project_due_idx" ON "project_interests" USING btree ("project_id","next_follow_up_at","id") WHERE NOT in_pool;