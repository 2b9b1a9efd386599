-- prospect_search_keys (see customers/tables.ts) mirrors the open prospects: the keys of a prospect
-- are its customer's name characters and character pairs (customer_name_grams) and "#" + the
-- mobile's last four digits, each with the prospect's scope columns and next follow-up.

-- Rewrites one prospect's keys: none while it is in the public pool.
CREATE OR REPLACE FUNCTION prospect_search_keys_sync(p_interest uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM prospect_search_keys WHERE interest_id = p_interest;
  INSERT INTO prospect_search_keys (interest_id, key, company_id, project_id, owner_id, owner_team_id, next_follow_up_at)
  SELECT pi.id, k, pi.company_id, pi.project_id, pi.owner_id, pi.owner_team_id, pi.next_follow_up_at
    FROM project_interests pi
    JOIN customers c ON c.id = pi.customer_id
   CROSS JOIN LATERAL unnest(customer_name_grams(c.name) || ('#' || c.mobile_tail)) AS k
   WHERE pi.id = p_interest AND NOT pi.in_pool
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_interests_search_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.in_pool IS DISTINCT FROM OLD.in_pool OR NEW.customer_id IS DISTINCT FROM OLD.customer_id THEN
    PERFORM prospect_search_keys_sync(NEW.id);
  ELSE
    -- Owner, team, project or next follow-up changed: the keys stay, their columns follow.
    UPDATE prospect_search_keys
       SET company_id = NEW.company_id, project_id = NEW.project_id, owner_id = NEW.owner_id,
           owner_team_id = NEW.owner_team_id, next_follow_up_at = NEW.next_follow_up_at
     WHERE interest_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_interests_search_keys_insert AFTER INSERT ON project_interests
  FOR EACH ROW EXECUTE FUNCTION project_interests_search_keys_sync();
--> statement-breakpoint
CREATE TRIGGER project_interests_search_keys_update
  AFTER UPDATE OF in_pool, customer_id, company_id, project_id, owner_id, owner_team_id, next_follow_up_at ON project_interests
  FOR EACH ROW WHEN (
    OLD.in_pool IS DISTINCT FROM NEW.in_pool OR OLD.customer_id IS DISTINCT FROM NEW.customer_id
    OR OLD.company_id IS DISTINCT FROM NEW.company_id OR OLD.project_id IS DISTINCT FROM NEW.project_id
    OR OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.owner_team_id IS DISTINCT FROM NEW.owner_team_id
    OR OLD.next_follow_up_at IS DISTINCT FROM NEW.next_follow_up_at)
  EXECUTE FUNCTION project_interests_search_keys_sync();
--> statement-breakpoint
-- A renamed or erased customer (name and mobile anonymised) rekeys each of their prospects.
CREATE OR REPLACE FUNCTION customers_search_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM prospect_search_keys_sync(pi.id) FROM project_interests pi WHERE pi.customer_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER customers_prospect_search_keys AFTER UPDATE OF name, mobile_tail ON customers
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.mobile_tail IS DISTINCT FROM NEW.mobile_tail)
  EXECUTE FUNCTION customers_search_keys_sync();
--> statement-breakpoint
INSERT INTO prospect_search_keys (interest_id, key, company_id, project_id, owner_id, owner_team_id, next_follow_up_at)
SELECT pi.id, k, pi.company_id, pi.project_id, pi.owner_id, pi.owner_team_id, pi.next_follow_up_at
  FROM project_interests pi
  JOIN customers c ON c.id = pi.customer_id
 CROSS JOIN LATERAL unnest(customer_name_grams(c.name) || ('#' || c.mobile_tail)) AS k
 WHERE NOT pi.in_pool
ON CONFLICT DO NOTHING;
