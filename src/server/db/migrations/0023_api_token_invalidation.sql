-- API-token principals are cached too (platform/cache): revoking a token, or changing its role or
-- owner, notifies every instance. Recording a token's last use (at most once a minute) does not.
CREATE TRIGGER api_tokens_invalidate_auth AFTER UPDATE OF revoked_at, role, user_id OR DELETE OR TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_invalidation('auth');
