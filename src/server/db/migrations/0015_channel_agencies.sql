CREATE TABLE "agency_brokers" (
	"broker_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_agencies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_mobile" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD COLUMN "agency_id" uuid;--> statement-breakpoint
ALTER TABLE "agency_brokers" ADD CONSTRAINT "agency_brokers_broker_id_users_id_fk" FOREIGN KEY ("broker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_brokers" ADD CONSTRAINT "agency_brokers_agency_id_channel_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."channel_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_brokers" ADD CONSTRAINT "agency_brokers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_agencies" ADD CONSTRAINT "channel_agencies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_brokers_agency_idx" ON "agency_brokers" USING btree ("agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_agencies_company_name_key" ON "channel_agencies" USING btree ("company_id","name");--> statement-breakpoint
CREATE INDEX "channel_agencies_company_idx" ON "channel_agencies" USING btree ("company_id","created_at");--> statement-breakpoint
ALTER TABLE "broker_registrations" ADD CONSTRAINT "broker_registrations_agency_id_channel_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."channel_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "broker_registrations_agency_idx" ON "broker_registrations" USING btree ("agency_id","registered_at") WHERE agency_id IS NOT NULL;