-- project_interests carries copies of its customer's pinyin keys (see tables.ts). A new interest
-- takes them from the customer; a renamed or erased customer passes the new keys on.
CREATE OR REPLACE FUNCTION project_interests_copy_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.name_pinyin, c.name_initials INTO NEW.customer_pinyin, NEW.customer_initials FROM customers c WHERE c.id = NEW.customer_id;
  NEW.customer_pinyin := coalesce(NEW.customer_pinyin, '');
  NEW.customer_initials := coalesce(NEW.customer_initials, '');
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_interests_search_keys BEFORE INSERT OR UPDATE OF customer_id ON project_interests
  FOR EACH ROW EXECUTE FUNCTION project_interests_copy_search_keys();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION customers_pass_search_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_interests SET customer_pinyin = NEW.name_pinyin, customer_initials = NEW.name_initials WHERE customer_id = NEW.id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER customers_search_keys AFTER UPDATE OF name_pinyin, name_initials ON customers
  FOR EACH ROW WHEN (OLD.name_pinyin IS DISTINCT FROM NEW.name_pinyin OR OLD.name_initials IS DISTINCT FROM NEW.name_initials)
  EXECUTE FUNCTION customers_pass_search_keys();
--> statement-breakpoint
UPDATE project_interests pi SET customer_pinyin = c.name_pinyin, customer_initials = c.name_initials FROM customers c WHERE c.id = pi.customer_id;
