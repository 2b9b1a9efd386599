-- The audit log stays append-only, with one exception: erasing a person's data on request may
-- rewrite the label and the recorded values of entries about them. Who did what, to which
-- record and when stays as it was; the transaction must declare the redaction
-- (set_config('keyuan.audit_redaction', 'on', true)), and deleting an entry is always refused.
CREATE OR REPLACE FUNCTION audit_logs_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('keyuan.audit_redaction', true) = 'on'
     AND (to_jsonb(NEW) - 'entity_label' - 'changes') = (to_jsonb(OLD) - 'entity_label' - 'changes') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only';
END;
$$;
