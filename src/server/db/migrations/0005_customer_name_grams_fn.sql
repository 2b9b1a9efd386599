-- Chinese names are 2–4 characters: trigram indexes cannot serve a 2-character fragment, so names
-- are also indexed by their characters and character pairs ("张伟明" → 张, 伟, 明, 张伟, 伟明).
CREATE OR REPLACE FUNCTION customer_name_grams(n text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(n, i, 1) AS g FROM generate_series(1, char_length(n)) AS i
    UNION SELECT substr(n, i, 2) FROM generate_series(1, char_length(n) - 1) AS i
  ) AS grams
$$;
