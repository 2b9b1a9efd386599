CREATE TABLE "prospect_search_keys" (
	"interest_id" uuid NOT NULL,
	"key" text NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"owner_id" uuid,
	"owner_team_id" uuid,
	"next_follow_up_at" timestamp with time zone,
	CONSTRAINT "prospect_search_keys_interest_id_key_pk" PRIMARY KEY("interest_id","key")
);
--> statement-breakpoint
ALTER TABLE "prospect_search_keys" ADD CONSTRAINT "prospect_search_keys_interest_id_project_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."project_interests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prospect_search_keys_owner_idx" ON "prospect_search_keys" USING btree ("owner_id","key","next_follow_up_at","interest_id");--> statement-breakpoint
CREATE INDEX "prospect_search_keys_team_idx" ON "prospect_search_keys" USING btree ("owner_team_id","key","next_follow_up_at","interest_id");--> statement-breakpoint
CREATE INDEX "prospect_search_keys_company_idx" ON "prospect_search_keys" USING btree ("company_id","key","next_follow_up_at","interest_id");--> statement-breakpoint
CREATE INDEX "prospect_search_keys_key_idx" ON "prospect_search_keys" USING btree ("key","next_follow_up_at","interest_id");