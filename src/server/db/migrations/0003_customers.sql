CREATE TABLE "customer_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"channel" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"age_band" text,
	"mobile" text NOT NULL,
	"mobile_tail" text NOT NULL,
	"id_number" text,
	"family_structure" text DEFAULT '' NOT NULL,
	"occupation" text DEFAULT '' NOT NULL,
	"income_band" text DEFAULT '' NOT NULL,
	"residence_area" text DEFAULT '' NOT NULL,
	"work_area" text DEFAULT '' NOT NULL,
	"need_layout" text DEFAULT '' NOT NULL,
	"need_area_min" numeric(10, 2),
	"need_area_max" numeric(10, 2),
	"budget_min" numeric(12, 2),
	"budget_max" numeric(12, 2),
	"purpose" text,
	"focus_factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"payment_method" text,
	"funds_ready" boolean,
	"decision_maker" text DEFAULT '' NOT NULL,
	"decision_cycle" text DEFAULT '' NOT NULL,
	"competing_projects" text DEFAULT '' NOT NULL,
	"source_channel" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"buyer_type" text,
	"family_segment" text,
	"referrer_name" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"content" text NOT NULL,
	"reaction" text NOT NULL,
	"next_action" text DEFAULT '' NOT NULL,
	"next_due_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interest_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"interest_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_interests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"owner_id" uuid,
	"owner_team_id" uuid,
	"channel" text NOT NULL,
	"stage" text NOT NULL,
	"lost_reason" text DEFAULT '' NOT NULL,
	"grade" text NOT NULL,
	"in_pool" boolean DEFAULT false NOT NULL,
	"pool_reason" text DEFAULT '' NOT NULL,
	"last_contact_at" timestamp with time zone,
	"next_follow_up_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_sales_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"follow_up_days_a" integer NOT NULL,
	"follow_up_days_b" integer NOT NULL,
	"follow_up_days_c" integer NOT NULL,
	"reclaim_days" integer NOT NULL,
	"pool_claim_limit" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_filters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_consents" ADD CONSTRAINT "customer_consents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_consents" ADD CONSTRAINT "customer_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_interest_id_project_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."project_interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_events" ADD CONSTRAINT "interest_events_interest_id_project_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."project_interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interests" ADD CONSTRAINT "project_interests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interests" ADD CONSTRAINT "project_interests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interests" ADD CONSTRAINT "project_interests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_interests" ADD CONSTRAINT "project_interests_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sales_settings" ADD CONSTRAINT "project_sales_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_consents_customer_idx" ON "customer_consents" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_mobile_key" ON "customers" USING btree ("mobile") WHERE erased_at IS NULL;--> statement-breakpoint
CREATE INDEX "customers_mobile_tail_idx" ON "customers" USING btree ("mobile_tail");--> statement-breakpoint
CREATE INDEX "customers_name_trgm_idx" ON "customers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_pinyin_idx" ON "customers" USING btree ("name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_initials_idx" ON "customers" USING btree ("name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customers_tags_idx" ON "customers" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "interactions_customer_idx" ON "interactions" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_interest_idx" ON "interactions" USING btree ("interest_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interest_events_customer_idx" ON "interest_events" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "interest_events_interest_idx" ON "interest_events" USING btree ("interest_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_interests_project_customer_key" ON "project_interests" USING btree ("project_id","customer_id");--> statement-breakpoint
CREATE INDEX "project_interests_owner_due_idx" ON "project_interests" USING btree ("owner_id","next_follow_up_at","id");--> statement-breakpoint
CREATE INDEX "project_interests_team_due_idx" ON "project_interests" USING btree ("owner_team_id","next_follow_up_at","id");--> statement-breakpoint
CREATE INDEX "project_interests_project_due_idx" ON "project_interests" USING btree ("project_id","next_follow_up_at","id");--> statement-breakpoint
CREATE INDEX "project_interests_customer_idx" ON "project_interests" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "project_interests_pool_idx" ON "project_interests" USING btree ("project_id","in_pool");--> statement-breakpoint
CREATE INDEX "saved_filters_user_idx" ON "saved_filters" USING btree ("user_id");