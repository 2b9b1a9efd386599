-- In-process read caches (platform/cache) learn of changes through notifications on channel
-- keyuan_cache, sent when the changing transaction commits, to every instance. The payload is
-- the topic: 'auth' for what a signed-in principal is made of, 'org' for organisation reads.
-- Statement-level, so a bulk change sends one notification, and PostgreSQL folds repeats of the
-- same payload within a transaction into one.
CREATE FUNCTION notify_cache_invalidation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('keyuan_cache', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Sessions: logout, password change, expiry clean-up, an extended expiry. New sessions need
-- nothing: a session is never cached before it exists.
CREATE TRIGGER sessions_invalidate_auth AFTER UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('auth');
--> statement-breakpoint
-- Only the columns a principal carries: a login stamping last_login_at invalidates nothing.
CREATE TRIGGER users_invalidate_auth AFTER UPDATE OF username, display_name, role, scope, company_id, team_id, active OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('auth');
--> statement-breakpoint
CREATE TRIGGER user_projects_invalidate_auth AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_projects
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('auth');
--> statement-breakpoint
CREATE TRIGGER org_groups_invalidate_org AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_groups
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('org');
--> statement-breakpoint
CREATE TRIGGER companies_invalidate_org AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON companies
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('org');
--> statement-breakpoint
-- Includes the building and unit counters the building and unit services keep on projects.
CREATE TRIGGER projects_invalidate_org AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('org');
