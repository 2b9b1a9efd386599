ALTER TABLE "buildings" ADD COLUMN "unit_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "building_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "unit_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "buildings" b SET "unit_count" = (SELECT count(*) FROM "units" u WHERE u."building_id" = b."id");--> statement-breakpoint
UPDATE "projects" p SET "building_count" = (SELECT count(*) FROM "buildings" b WHERE b."project_id" = p."id"),
  "unit_count" = (SELECT count(*) FROM "units" u WHERE u."project_id" = p."id");
