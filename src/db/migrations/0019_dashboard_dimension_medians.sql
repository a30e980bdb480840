-- The summary's exact medians with one report filter (kecamatan, category, channel or kind) or
-- channel + kind (src/analytics/medians.ts): the hours histogram of 0009 per tenant-local month x
-- dimension value (dim 'channel_kind': key 'channel/kind').
-- report_hours_add (0009) also appends a signed row per metric x dimension to
-- report_hours_dim_delta, in the same statement: nothing on a report insert without durations
-- (the intake's: the function returns before any write, as before), one multi-row insert when a
-- duration is set or changes. report_hours_dim_compact() folds the deltas into month rows only
-- (day rows per dimension value would outnumber the reports); the reader counts the days around
-- the whole months from the reports themselves, in the same statement as the month rows and the
-- pending deltas of those months, then reads only the middle bucket's values (0009's indexes).
CREATE TABLE "report_hours_dim_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "day" date NOT NULL,
  "metric" text NOT NULL,
  "dim" text NOT NULL,
  "key" text NOT NULL,
  "bucket" smallint NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_hours_dim_delta_key_idx" ON "report_hours_dim_delta" ("tenant_id", "metric", "dim", "key", "day");
--> statement-breakpoint
ALTER TABLE "report_hours_dim_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
-- `month` = first local day of the month.
CREATE TABLE "report_hours_dim_hist" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "month" date NOT NULL,
  "metric" text NOT NULL,
  "dim" text NOT NULL,
  "key" text NOT NULL,
  "bucket" smallint NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_hours_dim_hist_key" ON "report_hours_dim_hist" ("tenant_id", "metric", "dim", "key", "month", "bucket") INCLUDE ("n");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_hours_add(r reports, s integer) RETURNS void AS $$
DECLARE
  tz text;
  d date;
  bf smallint;
  bd smallint;
BEGIN
  IF r.first_response_at IS NULL AND coalesce(r.closed_at, r.answered_at) IS NULL THEN
    RETURN;
  END IF;
  SELECT t.time_zone INTO tz FROM tenants t WHERE t.id = r.tenant_id;
  IF tz IS NULL THEN
    RETURN;
  END IF;
  d := (r.created_at AT TIME ZONE tz)::date;
  bf := report_hours_bucket(extract(epoch FROM (r.first_response_at - r.created_at)) / 3600.0);
  bd := report_hours_bucket(extract(epoch FROM (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0);
  IF bf IS NOT NULL THEN
    INSERT INTO report_hours_delta VALUES (r.tenant_id, d, 'first', bf, s);
  END IF;
  IF bd IS NOT NULL THEN
    INSERT INTO report_hours_delta VALUES (r.tenant_id, d, 'done', bd, s);
  END IF;
  INSERT INTO report_hours_dim_delta (tenant_id, day, metric, dim, key, bucket, n)
  SELECT r.tenant_id, d, m.metric, k.dim, k.key, m.bucket, s
  FROM (VALUES ('first', bf), ('done', bd)) AS m(metric, bucket)
  CROSS JOIN (VALUES ('district', r.district_code), ('category', r.category_id::text),
    ('channel', r.channel_type::text), ('kind', r.kind::text),
    ('channel_kind', r.channel_type::text || '/' || r.kind::text)) AS k(dim, key)
  WHERE m.bucket IS NOT NULL AND k.key IS NOT NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- As 0009, and a change of a dimension of a report with a duration moves its rows.
CREATE OR REPLACE FUNCTION report_hours_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.tenant_id = OLD.tenant_id AND NEW.created_at = OLD.created_at
       AND NEW.first_response_at IS NOT DISTINCT FROM OLD.first_response_at
       AND coalesce(NEW.closed_at, NEW.answered_at) IS NOT DISTINCT FROM coalesce(OLD.closed_at, OLD.answered_at)
       AND ((NEW.first_response_at IS NULL AND coalesce(NEW.closed_at, NEW.answered_at) IS NULL)
         OR (NEW.district_code IS NOT DISTINCT FROM OLD.district_code AND NEW.category_id IS NOT DISTINCT FROM OLD.category_id
           AND NEW.channel_type IS NOT DISTINCT FROM OLD.channel_type AND NEW.kind IS NOT DISTINCT FROM OLD.kind)) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_hours_add(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_hours_add(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Folds the pending deltas of both hours histograms (0009's by day and month, these by month).
CREATE OR REPLACE FUNCTION report_hours_dim_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  WITH gone AS (DELETE FROM report_hours_dim_delta RETURNING *),
  agg AS (
    SELECT d.tenant_id, d.day - (extract(day FROM d.day)::int - 1) AS month, d.metric, d.dim, d.key, d.bucket, sum(d.n)::int AS n
    FROM gone d
    GROUP BY 1, 2, 3, 4, 5, 6
  ),
  up AS (
    INSERT INTO report_hours_dim_hist AS h (tenant_id, month, metric, dim, key, bucket, n)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, metric, dim, key, month, bucket) DO UPDATE SET n = h.n + excluded.n
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  RETURN n + report_hours_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant's dimension histogram from its reports (one statement, one snapshot).
CREATE OR REPLACE FUNCTION report_hours_dim_rebuild(t_id uuid) RETURNS void AS $$
BEGIN
  WITH a AS (DELETE FROM report_hours_dim_hist WHERE tenant_id = t_id),
  b AS (DELETE FROM report_hours_dim_delta WHERE tenant_id = t_id)
  INSERT INTO report_hours_dim_delta (tenant_id, day, metric, dim, key, bucket, n)
  SELECT r.tenant_id, (r.created_at AT TIME ZONE t.time_zone)::date, m.metric, k.dim, k.key, m.bucket, count(*)
  FROM reports r JOIN tenants t ON t.id = r.tenant_id
  CROSS JOIN LATERAL (VALUES
    ('first', CASE WHEN r.first_response_at IS NOT NULL
      THEN report_hours_bucket(extract(epoch FROM (r.first_response_at - r.created_at)) / 3600.0) END),
    ('done', CASE WHEN coalesce(r.closed_at, r.answered_at) IS NOT NULL
      THEN report_hours_bucket(extract(epoch FROM (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0) END)
  ) AS m(metric, bucket)
  CROSS JOIN LATERAL (VALUES ('district', r.district_code), ('category', r.category_id::text),
    ('channel', r.channel_type::text), ('kind', r.kind::text),
    ('channel_kind', r.channel_type::text || '/' || r.kind::text)) AS k(dim, key)
  WHERE r.tenant_id = t_id AND m.bucket IS NOT NULL AND k.key IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6;
  PERFORM report_hours_dim_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A time-zone change recounts (0009's trigger recounts the rest).
CREATE OR REPLACE FUNCTION report_hours_dim_rezone() RETURNS trigger AS $$
BEGIN
  PERFORM report_hours_dim_rebuild(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_hours_dim_rezone AFTER UPDATE OF time_zone ON tenants
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION report_hours_dim_rezone();
--> statement-breakpoint
-- The rollup (0009) with one grouping set of three dimensions more, (channel, kind, status) =
-- gset 28: the summary with a channel + kind filter (its closed / archived need the status) reads
-- the rollup instead of every report of the period. The body is 0009's otherwise.
CREATE OR REPLACE FUNCTION report_daily_stats_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  WITH gone AS (DELETE FROM report_stats_delta RETURNING *),
  m AS (
    SELECT d.tenant_id, g.grain, CASE WHEN g.grain = 'month' THEN d.day - (extract(day FROM d.day)::int - 1) ELSE d.day END AS day,
      d.channel_type, d.kind, d.status, d.category_id, d.district_code, d.received, d.verified, d.answered, d.emergency
    FROM gone d CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
  ),
  agg AS (
    SELECT tenant_id, (31 - grouping(channel_type, kind, status, category_id, district_code))::smallint AS gset, grain, day,
      channel_type, kind, status, category_id, district_code,
      sum(received)::int AS received, sum(verified)::int AS verified, sum(answered)::int AS answered, sum(emergency)::int AS emergency
    FROM m
    GROUP BY tenant_id, grain, day, GROUPING SETS ((), (channel_type), (kind), (status), (category_id), (district_code),
      (channel_type, kind), (channel_type, status), (channel_type, category_id), (channel_type, district_code),
      (kind, status), (kind, category_id), (kind, district_code),
      (status, category_id), (status, district_code), (category_id, district_code),
      (channel_type, kind, status))
  ),
  up AS (
    INSERT INTO report_daily_stats AS s (tenant_id, gset, grain, day, channel_type, kind, status, category_id, district_code,
        received, verified, answered, emergency)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, gset, grain, day, channel_type, kind, status, category_id, district_code) DO UPDATE
      SET received = s.received + excluded.received, verified = s.verified + excluded.verified,
        answered = s.answered + excluded.answered, emergency = s.emergency + excluded.emergency
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Overdue open with a report filter: 0009's partial index of the open reports, with the filter
-- columns, so the count stays index-only (was the kecamatan index's every report of the period).
-- The same entries as before (open statuses only), a few bytes wider.
DROP INDEX IF EXISTS "reports_open_due_idx";
--> statement-breakpoint
CREATE INDEX "reports_open_due_idx" ON "reports" ("tenant_id", "created_at")
  INCLUDE ("due_at", "district_code", "category_id", "channel_type", "kind")
  WHERE "status" IN ('received', 'dispatched', 'in_progress', 'returned', 'reopened');
--> statement-breakpoint
SELECT report_daily_stats_rebuild(id) FROM tenants;
--> statement-breakpoint
SELECT report_hours_dim_rebuild(id) FROM tenants;
