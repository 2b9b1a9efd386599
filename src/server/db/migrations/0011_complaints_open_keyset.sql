DROP INDEX "complaints_open_idx";--> statement-breakpoint
CREATE INDEX "complaints_open_idx" ON "complaints" USING btree ("filed_at","id") WHERE status <> 'closed';