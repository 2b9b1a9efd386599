CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"cost" numeric(14, 2) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_rewards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"referrer_customer_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	"deal_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'entitled' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "first_visit_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "pledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "subscribed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "contracted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "project_interests" ADD COLUMN "referrer_customer_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_referrer_customer_id_customers_id_fk" FOREIGN KEY ("referrer_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_interest_id_project_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."project_interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rewards" ADD CONSTRAINT "referral_rewards_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_project_idx" ON "campaigns" USING btree ("project_id","starts_on");--> statement-breakpoint
CREATE INDEX "referral_rewards_referrer_idx" ON "referral_rewards" USING btree ("referrer_customer_id");--> statement-breakpoint
CREATE INDEX "referral_rewards_interest_kind_idx" ON "referral_rewards" USING btree ("interest_id","kind");--> statement-breakpoint
CREATE INDEX "project_interests_campaign_idx" ON "project_interests" USING btree ("campaign_id") WHERE campaign_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "project_interests_referrer_idx" ON "project_interests" USING btree ("referrer_customer_id") WHERE referrer_customer_id IS NOT NULL;--> statement-breakpoint
-- The funnel reads a company's prospects of a period from this index alone (drizzle-kit cannot
-- express INCLUDE, hence raw SQL here).
CREATE INDEX IF NOT EXISTS "project_interests_funnel_idx" ON "project_interests" ("company_id", "created_at") INCLUDE ("project_id", "owner_id", "channel", "first_visit_at", "pledged_at", "subscribed_at", "contracted_at");
