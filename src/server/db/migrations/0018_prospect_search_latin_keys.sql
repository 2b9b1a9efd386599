-- Pinyin and initials join the quick-search keys: "@" + the first one, two and three letters of
-- the full pinyin and the first two and three initials ("张伟明" → @z, @zh, @zha, @zw, @zwm), so a
-- latin search walks one ordered key range like a name or tail search (read.ts, searchKeyOf).
CREATE OR REPLACE FUNCTION prospect_search_key_set(p_name text, p_tail text, p_pinyin text, p_initials text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}'::text[]) FROM (
    SELECT unnest(customer_name_grams(p_name)) AS k
    UNION SELECT '#' || p_tail
    UNION SELECT '@' || left(p_pinyin, n) FROM generate_series(1, 3) AS n WHERE char_length(p_pinyin) >= n
    UNION SELECT '@' || left(p_initials, n) FROM generate_series(2, 3) AS n WHERE char_length(p_initials) >= n
  ) AS keys
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION prospect_search_keys_sync(p_interest uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM prospect_search_keys WHERE interest_id = p_interest;
  INSERT INTO prospect_search_keys (interest_id, key, company_id, project_id, owner_id, owner_team_id, next_follow_up_at)
  SELECT pi.id, k, pi.company_id, pi.project_id, pi.owner_id, pi.owner_team_id, pi.next_follow_up_at
    FROM project_interests pi
    JOIN customers c ON c.id = pi.customer_id
   CROSS JOIN LATERAL unnest(prospect_search_key_set(c.name, c.mobile_tail, c.name_pinyin, c.name_initials)) AS k
   WHERE pi.id = p_interest AND NOT pi.in_pool;
END;
$$;
--> statement-breakpoint
DROP TRIGGER customers_prospect_search_keys ON customers;
--> statement-breakpoint
CREATE TRIGGER customers_prospect_search_keys AFTER UPDATE OF name, mobile_tail, name_pinyin, name_initials ON customers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.mobile_tail IS DISTINCT FROM NEW.mobile_tail
    OR OLD.name_pinyin IS DISTINCT FROM NEW.name_pinyin OR OLD.name_initials IS DISTINCT FROM NEW.name_initials)
  EXECUTE FUNCTION customers_search_keys_sync();
--> statement-breakpoint
INSERT INTO prospect_search_keys (interest_id, key, company_id, project_id, owner_id, owner_team_id, next_follow_up_at)
SELECT pi.id, k, pi.company_id, pi.project_id, pi.owner_id, pi.owner_team_id, pi.next_follow_up_at
  FROM project_interests pi
  JOIN customers c ON c.id = pi.customer_id
 CROSS JOIN LATERAL unnest(prospect_search_key_set(c.name, c.mobile_tail, c.name_pinyin, c.name_initials)) AS k
 WHERE NOT pi.in_pool AND k LIKE '@%'
ON CONFLICT DO NOTHING;
