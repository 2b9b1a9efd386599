CREATE TABLE "broker_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"broker_id" uuid NOT NULL,
	"agency" text DEFAULT '' NOT NULL,
	"customer_name" text NOT NULL,
	"mobile_prefix" text NOT NULL,
	"mobile_suffix" text NOT NULL,
	"mobile_full" text,
	"note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"visit_due_at" timestamp with time zone NOT NULL,
	"visited_at" timestamp with time zone,
	"visit_confirmed_by" uuid,
	"deal_due_at" timestamp with time zone,
	"customer_id" uuid,
	"interest_id" uuid,
	"deal_id" uuid,
	"dealt_at" timestamp with time zone,
	"commission_eligible" boolean DEFAULT false NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_channel_settings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"mobile_mode" text NOT NULL,
	"visit_days" integer NOT NULL,
	"deal_days" integer NOT NULL,
	"commission_rule" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_appeals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"broker_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_broker_id_users_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_visit_confirmed_by_users_id_fk" FOREIGN KEY ("visit_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_interest_id_project_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."project_interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_channel_settings" ADD CONSTRAINT "project_channel_settings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_channel_settings" ADD CONSTRAINT "project_channel_settings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_appeals" ADD CONSTRAINT "registration_appeals_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_appeals" ADD CONSTRAINT "registration_appeals_registration_id_broker_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."broker_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_appeals" ADD CONSTRAINT "registration_appeals_broker_id_users_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_appeals" ADD CONSTRAINT "registration_appeals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broker_registrations_match_idx" ON "broker_registrations" USING btree ("project_id","mobile_suffix") WHERE status IN ('registered', 'visited', 'dealt');--> statement-breakpoint
CREATE INDEX "broker_registrations_broker_idx" ON "broker_registrations" USING btree ("broker_id","registered_at");--> statement-breakpoint
CREATE INDEX "broker_registrations_project_idx" ON "broker_registrations" USING btree ("project_id","registered_at");--> statement-breakpoint
CREATE INDEX "broker_registrations_interest_idx" ON "broker_registrations" USING btree ("interest_id");--> statement-breakpoint
CREATE INDEX "broker_registrations_due_idx" ON "broker_registrations" USING btree ("visit_due_at") WHERE status IN ('registered', 'visited');--> statement-breakpoint
CREATE INDEX "registration_appeals_company_idx" ON "registration_appeals" USING btree ("company_id","status","created_at");