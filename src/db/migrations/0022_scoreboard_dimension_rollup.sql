-- The scoreboard (rapor OPD) with a channel alone or a kind alone (src/analytics/agency-dims.ts)
-- without reading and sorting every (report, agency) pair of the period: the pairs of 0017
-- (report_agency_facts) rolled up per tenant-local month x dimension value x agency, with the
-- scoreboard's counts (metric 'count': pairs, dispositions, answered, on time, returned) and the
-- hours histograms of its two medians (metric 'first' / 'done', agency_hours_bucket, n values per
-- bucket; every value of a pair: first1 and first_extra, done1 and done_extra).
-- Written by triggers on report_agency_facts itself, so every path that changes a pair (a
-- disposition statement, a report update of a read column, a flags event, a rebuild) moves its
-- rows: statement triggers for INSERT and DELETE, a row trigger for UPDATE that fires only when a
-- column this rollup reads changed (a report's status or deadline change rewrites its pairs but
-- costs nothing here). Signed rows go to report_agency_dim_delta (per local day, in the writer's
-- transaction); report_agency_dim_compact() (the dashboard job) folds them into month rows. The
-- reader takes the whole months from the month rows and their pending deltas, counts the days
-- around them from the pairs, and reads only the middle bucket's values through the two band
-- indexes below; overdue open (depends on `now`) through a partial index of the open pairs.
-- Nothing is added to a report insert.
CREATE OR REPLACE FUNCTION agency_hours_bucket(h float8) RETURNS smallint AS $$
  SELECT CASE WHEN h IS NULL THEN NULL WHEN h < 0 THEN -1 ELSE least(floor(ln(h + 1) * 20), 30000) END::smallint
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE TABLE "report_agency_dim_stats" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "month" date NOT NULL,
  "dim" text NOT NULL,
  "key" text NOT NULL,
  "agency_id" uuid NOT NULL,
  "metric" text NOT NULL,
  "bucket" smallint NOT NULL,
  "reports" integer NOT NULL,
  "dispositions" integer NOT NULL,
  "answered" integer NOT NULL,
  "on_time" integer NOT NULL,
  "returned" integer NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_agency_dim_stats_key" ON "report_agency_dim_stats" ("tenant_id", "dim", "key", "month", "agency_id", "metric", "bucket")
  INCLUDE ("reports", "dispositions", "answered", "on_time", "returned", "n");
--> statement-breakpoint
CREATE TABLE "report_agency_dim_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "day" date NOT NULL,
  "dim" text NOT NULL,
  "key" text NOT NULL,
  "agency_id" uuid NOT NULL,
  "metric" text NOT NULL,
  "bucket" smallint NOT NULL,
  "reports" integer NOT NULL,
  "dispositions" integer NOT NULL,
  "answered" integer NOT NULL,
  "on_time" integer NOT NULL,
  "returned" integer NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_agency_dim_delta_key_idx" ON "report_agency_dim_delta" ("tenant_id", "dim", "key", "day");
--> statement-breakpoint
ALTER TABLE "report_agency_dim_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
-- The middle bucket's values of one agency in the period (index-only; the dimension checked from INCLUDE).
CREATE INDEX "report_agency_facts_first_band_idx" ON "report_agency_facts" ("tenant_id", "agency_id", agency_hours_bucket("first1"), "created_at")
  INCLUDE ("channel_type", "kind", "first1") WHERE "first1" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "report_agency_facts_done_band_idx" ON "report_agency_facts" ("tenant_id", "agency_id", agency_hours_bucket("done1"), "created_at")
  INCLUDE ("channel_type", "kind", "done1") WHERE "done1" IS NOT NULL;
--> statement-breakpoint
-- The pairs with an open disposition (a small share once most are answered).
CREATE INDEX "report_agency_facts_open_idx" ON "report_agency_facts" ("tenant_id", "created_at")
  INCLUDE ("agency_id", "channel_type", "kind", "open_due1") WHERE "open_due1" IS NOT NULL;
--> statement-breakpoint
-- The rollup rows of some pairs (signed s), per local day: one count row and one row per hours value, for each dimension.
CREATE OR REPLACE FUNCTION report_agency_dim_rows(olds report_agency_facts[], news report_agency_facts[])
RETURNS TABLE (tenant_id uuid, day date, dim text, key text, agency_id uuid, metric text, bucket smallint,
  reports bigint, dispositions bigint, answered bigint, on_time bigint, returned bigint, n bigint) AS $$
  WITH c AS (
    SELECT o.tenant_id, o.created_at, o.agency_id, o.channel_type, o.kind, o.n, o.n_answered, o.n_on_time, o.n_returned,
      o.first1, o.first_extra, o.done1, o.done_extra, -1 AS s FROM unnest(olds) o
    UNION ALL
    SELECT x.tenant_id, x.created_at, x.agency_id, x.channel_type, x.kind, x.n, x.n_answered, x.n_on_time, x.n_returned,
      x.first1, x.first_extra, x.done1, x.done_extra, 1 FROM unnest(news) x
  ),
  v AS (
    SELECT c.tenant_id, c.created_at, c.agency_id, c.channel_type, c.kind, 'count' AS metric, 0::smallint AS bucket,
      c.s AS reports, c.s * c.n AS dispositions, c.s * c.n_answered AS answered, c.s * c.n_on_time AS on_time,
      c.s * c.n_returned AS returned, 0 AS n
    FROM c
    UNION ALL
    SELECT c.tenant_id, c.created_at, c.agency_id, c.channel_type, c.kind, 'first', agency_hours_bucket(h), 0, 0, 0, 0, 0, c.s
    FROM c CROSS JOIN LATERAL unnest(array_prepend(c.first1, c.first_extra)) h WHERE h IS NOT NULL
    UNION ALL
    SELECT c.tenant_id, c.created_at, c.agency_id, c.channel_type, c.kind, 'done', agency_hours_bucket(h), 0, 0, 0, 0, 0, c.s
    FROM c CROSS JOIN LATERAL unnest(array_prepend(c.done1, c.done_extra)) h WHERE h IS NOT NULL
  )
  SELECT v.tenant_id, (v.created_at AT TIME ZONE t.time_zone)::date, d.dim, d.key, v.agency_id, v.metric, v.bucket,
    sum(v.reports), sum(v.dispositions), sum(v.answered), sum(v.on_time), sum(v.returned), sum(v.n)
  FROM v JOIN tenants t ON t.id = v.tenant_id
  CROSS JOIN LATERAL (VALUES ('channel', v.channel_type), ('kind', v.kind)) AS d(dim, key)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(v.reports) <> 0 OR sum(v.dispositions) <> 0 OR sum(v.answered) <> 0 OR sum(v.on_time) <> 0
    OR sum(v.returned) <> 0 OR sum(v.n) <> 0
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_dim_track() RETURNS trigger AS $$
DECLARE
  olds report_agency_facts[] := ARRAY[]::report_agency_facts[];
  news report_agency_facts[] := ARRAY[]::report_agency_facts[];
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    olds := ARRAY[OLD];
    news := ARRAY[NEW];
  ELSIF TG_OP = 'INSERT' THEN
    news := ARRAY(SELECT x::report_agency_facts FROM new_rows x);
  ELSE
    olds := ARRAY(SELECT x::report_agency_facts FROM old_rows x);
  END IF;
  INSERT INTO report_agency_dim_delta (tenant_id, day, dim, key, agency_id, metric, bucket, reports, dispositions, answered,
      on_time, returned, n)
  SELECT * FROM report_agency_dim_rows(olds, news);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_agency_dim_insert AFTER INSERT ON report_agency_facts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agency_dim_track();
--> statement-breakpoint
CREATE TRIGGER report_agency_dim_delete AFTER DELETE ON report_agency_facts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agency_dim_track();
--> statement-breakpoint
CREATE TRIGGER report_agency_dim_update AFTER UPDATE ON report_agency_facts FOR EACH ROW
  WHEN (OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.agency_id IS DISTINCT FROM NEW.agency_id
    OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.channel_type IS DISTINCT FROM NEW.channel_type
    OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.n IS DISTINCT FROM NEW.n OR OLD.n_answered IS DISTINCT FROM NEW.n_answered
    OR OLD.n_on_time IS DISTINCT FROM NEW.n_on_time OR OLD.n_returned IS DISTINCT FROM NEW.n_returned
    OR OLD.first1 IS DISTINCT FROM NEW.first1 OR OLD.first_extra IS DISTINCT FROM NEW.first_extra
    OR OLD.done1 IS DISTINCT FROM NEW.done1 OR OLD.done_extra IS DISTINCT FROM NEW.done_extra)
  EXECUTE FUNCTION report_agency_dim_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_dim_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  WITH gone AS (DELETE FROM report_agency_dim_delta RETURNING *),
  agg AS (
    SELECT g.tenant_id, g.day - (extract(day FROM g.day)::int - 1) AS month, g.dim, g.key, g.agency_id, g.metric, g.bucket,
      sum(g.reports)::int AS reports, sum(g.dispositions)::int AS dispositions, sum(g.answered)::int AS answered,
      sum(g.on_time)::int AS on_time, sum(g.returned)::int AS returned, sum(g.n)::int AS n
    FROM gone g GROUP BY 1, 2, 3, 4, 5, 6, 7
  ),
  up AS (
    INSERT INTO report_agency_dim_stats AS s (tenant_id, month, dim, key, agency_id, metric, bucket, reports, dispositions,
        answered, on_time, returned, n)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, dim, key, month, agency_id, metric, bucket) DO UPDATE
      SET reports = s.reports + excluded.reports, dispositions = s.dispositions + excluded.dispositions,
        answered = s.answered + excluded.answered, on_time = s.on_time + excluded.on_time,
        returned = s.returned + excluded.returned, n = s.n + excluded.n
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant from its pairs (one snapshot): month rows, no pending deltas.
CREATE OR REPLACE FUNCTION report_agency_dim_rebuild(t_id uuid) RETURNS void AS $$
BEGIN
  DELETE FROM report_agency_dim_stats WHERE tenant_id = t_id;
  DELETE FROM report_agency_dim_delta WHERE tenant_id = t_id;
  INSERT INTO report_agency_dim_stats (tenant_id, month, dim, key, agency_id, metric, bucket, reports, dispositions, answered,
      on_time, returned, n)
  SELECT v.tenant_id, date_trunc('month', v.created_at AT TIME ZONE t.time_zone)::date, d.dim, d.key, v.agency_id, v.metric, v.bucket,
    sum(v.reports)::int, sum(v.dispositions)::int, sum(v.answered)::int, sum(v.on_time)::int, sum(v.returned)::int, sum(v.n)::int
  FROM (
    SELECT c.tenant_id, c.created_at, c.agency_id, c.channel_type, c.kind, 'count' AS metric, 0::smallint AS bucket,
      1 AS reports, c.n AS dispositions, c.n_answered AS answered, c.n_on_time AS on_time, c.n_returned AS returned, 0 AS n
    FROM report_agency_facts c WHERE c.tenant_id = t_id
    UNION ALL
    SELECT c.tenant_id, c.created_at, c.agency_id, c.channel_type, c.kind, 'first', agency_hours_bucket(h), 0, 0, 0, 0, 0, 1
    FROM report_agency_facts c CROSS JOIN LATERAL unnest(array_prepend(c.first1, c.first_extra)) h WHERE c.tenant_id = t_id AND h IS NOT NULL
    UNION ALL
    SELECT c.tenant_id, c.created_at, c.agency_id, c.channel_type, c.kind, 'done', agency_hours_bucket(h), 0, 0, 0, 0, 0, 1
    FROM report_agency_facts c CROSS JOIN LATERAL unnest(array_prepend(c.done1, c.done_extra)) h WHERE c.tenant_id = t_id AND h IS NOT NULL
  ) v JOIN tenants t ON t.id = v.tenant_id
  CROSS JOIN LATERAL (VALUES ('channel', v.channel_type), ('kind', v.kind)) AS d(dim, key)
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_dim_rezone() RETURNS trigger AS $$
BEGIN
  PERFORM report_agency_dim_rebuild(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_agency_dim_rezone AFTER UPDATE OF time_zone ON tenants
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION report_agency_dim_rezone();
--> statement-breakpoint
SELECT report_agency_dim_rebuild(id) FROM tenants;
