-- New prospects get their search keys once per statement instead of once per row (an import
-- inserts 1,000 prospects in one statement), and fewer latin keys: "@" + the first two letters of
-- the pinyin and of the initials ("张伟明" → @zh, @zw). Each key row costs an entry in five indexes
-- on every insert and follow-up; a longer prefix is checked on the row (searchKeyOf).
CREATE OR REPLACE FUNCTION prospect_search_key_set(p_name text, p_tail text, p_pinyin text, p_initials text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT k), '{}'::text[]) FROM (
    SELECT unnest(customer_name_grams(p_name)) AS k
    UNION SELECT '#' || p_tail
    UNION SELECT '@' || left(p_pinyin, 2) WHERE char_length(p_pinyin) >= 2
    UNION SELECT '@' || left(p_initials, 2) WHERE char_length(p_initials) >= 2
  ) AS keys
$$;
--> statement-breakpoint
DELETE FROM prospect_search_keys WHERE key LIKE '@%' AND char_length(key) <> 3;
--> statement-breakpoint
DROP TRIGGER project_interests_search_keys_insert ON project_interests;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_interests_search_keys_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO prospect_search_keys (interest_id, key, company_id, project_id, owner_id, owner_team_id, next_follow_up_at)
  SELECT pi.id, k, pi.company_id, pi.project_id, pi.owner_id, pi.owner_team_id, pi.next_follow_up_at
    FROM added pi
    JOIN customers c ON c.id = pi.customer_id
   CROSS JOIN LATERAL unnest(prospect_search_key_set(c.name, c.mobile_tail, c.name_pinyin, c.name_initials)) AS k
   WHERE NOT pi.in_pool
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_interests_search_keys_insert AFTER INSERT ON project_interests
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION project_interests_search_keys_added();
--> statement-breakpoint
-- The keys are derived rows without a foreign key (migration 0020 drops it: a check per key row
-- on every insert); a deleted prospect takes its keys with it here.
CREATE OR REPLACE FUNCTION project_interests_search_keys_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM prospect_search_keys k USING removed r WHERE k.interest_id = r.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_interests_search_keys_delete AFTER DELETE ON project_interests
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION project_interests_search_keys_removed();
