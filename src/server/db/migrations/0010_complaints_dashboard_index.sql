-- The dashboard's and reports' aggregates for a company and a period read only this index
-- (drizzle-kit cannot express INCLUDE, hence a custom migration).
CREATE INDEX IF NOT EXISTS "complaints_company_filed_cover_idx" ON "complaints" ("company_id", "filed_at") INCLUDE ("id", "project_id", "specialty", "severity", "status", "resolved_at", "resolution_due_at");
