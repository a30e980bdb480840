-- Exact scoreboard medians without sorting every disposition of a long period
-- (src/analytics/scoreboard-medians.ts): the same two-step scheme as the summary's medians
-- (migration 0009) per agency. The scoreboard's statement triggers on dispositions (0013) now also
-- append, per tenant-local day of the report's creation x agency x metric, a histogram delta of
-- hours (report_hours_bucket: 5 %-wide buckets) to disposition_hours_delta; the scoreboard fold
-- (disposition_stats_compact, replaced below, still the one function the dashboard job calls)
-- moves them into disposition_hours_hist (per local day and local month). Metrics, as the raw
-- scoreboard orders them: 'first' = accepted_at - created_at of live (not cancelled) dispositions
-- with accepted_at; 'done' = completed_at - created_at of answered ones with completed_at. The
-- scoreboard finds per agency the bucket holding the middle rank(s) in the histogram, then reads
-- only that bucket's values in the period through the expression indexes below.
CREATE TABLE "disposition_hours_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "day" date NOT NULL,
  "agency_id" uuid NOT NULL,
  "metric" text NOT NULL,
  "bucket" smallint NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disposition_hours_delta_day_idx" ON "disposition_hours_delta" ("tenant_id", "day");
--> statement-breakpoint
ALTER TABLE "disposition_hours_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
CREATE TABLE "disposition_hours_hist" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "grain" text NOT NULL,
  "day" date NOT NULL,
  "agency_id" uuid NOT NULL,
  "metric" text NOT NULL,
  "bucket" smallint NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disposition_hours_hist_key" ON "disposition_hours_hist" ("tenant_id", "metric", "grain", "day", "agency_id", "bucket")
  INCLUDE ("n");
--> statement-breakpoint
CREATE INDEX "dispositions_first_hours_idx" ON "dispositions"
  ("tenant_id", "agency_id", report_hours_bucket(extract(epoch FROM ("accepted_at" - "created_at")) / 3600.0), "report_created_at")
  INCLUDE ("accepted_at", "created_at") WHERE "status" <> 'cancelled' AND "accepted_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "dispositions_done_hours_idx" ON "dispositions"
  ("tenant_id", "agency_id", report_hours_bucket(extract(epoch FROM ("completed_at" - "created_at")) / 3600.0), "report_created_at")
  INCLUDE ("completed_at", "created_at") WHERE "status" = 'answered' AND "completed_at" IS NOT NULL;
--> statement-breakpoint
-- The hours deltas of one statement: `olds` (the rows before, -1) and `news` (after, +1).
CREATE OR REPLACE FUNCTION disposition_hours_apply(olds dispositions[], news dispositions[]) RETURNS void AS $$
  WITH chg AS (
    SELECT o.*, -1 AS s FROM unnest(olds) o
    UNION ALL
    SELECT n.*, 1 FROM unnest(news) n
  ),
  m AS (
    SELECT c.tenant_id, c.report_created_at, c.agency_id, 'first' AS metric,
      report_hours_bucket(extract(epoch FROM (c.accepted_at - c.created_at)) / 3600.0) AS bucket, c.s
    FROM chg c WHERE c.status <> 'cancelled' AND c.accepted_at IS NOT NULL
    UNION ALL
    SELECT c.tenant_id, c.report_created_at, c.agency_id, 'done',
      report_hours_bucket(extract(epoch FROM (c.completed_at - c.created_at)) / 3600.0), c.s
    FROM chg c WHERE c.status = 'answered' AND c.completed_at IS NOT NULL
  )
  INSERT INTO disposition_hours_delta (tenant_id, day, agency_id, metric, bucket, n)
  SELECT m.tenant_id, (m.report_created_at AT TIME ZONE t.time_zone)::date, m.agency_id, m.metric, m.bucket, sum(m.s)
  FROM m JOIN tenants t ON t.id = m.tenant_id
  WHERE m.report_created_at IS NOT NULL AND m.bucket IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(m.s) <> 0
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION disposition_stats_track() RETURNS trigger AS $$
DECLARE
  olds dispositions[] := ARRAY[]::dispositions[];
  news dispositions[] := ARRAY[]::dispositions[];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    olds := ARRAY(SELECT o::dispositions FROM old_rows o);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    news := ARRAY(SELECT n::dispositions FROM new_rows n);
  END IF;
  PERFORM disposition_stats_apply(olds, news);
  PERFORM disposition_hours_apply(olds, news);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Folds the scoreboard's count deltas (as in 0013) and now its hours deltas. Returns the rows folded.
CREATE OR REPLACE FUNCTION disposition_stats_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
  h bigint;
BEGIN
  WITH gone AS (DELETE FROM disposition_stats_delta RETURNING *),
  agg AS (
    SELECT d.tenant_id, g.grain, CASE WHEN g.grain = 'month' THEN d.day - (extract(day FROM d.day)::int - 1) ELSE d.day END AS day,
      d.agency_id, sum(d.reports)::int AS reports, sum(d.dispositions)::int AS dispositions, sum(d.answered)::int AS answered,
      sum(d.on_time)::int AS on_time, sum(d.returned)::int AS returned
    FROM gone d CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
    GROUP BY 1, 2, 3, 4
  ),
  up AS (
    INSERT INTO disposition_daily_stats AS s (tenant_id, grain, day, agency_id, reports, dispositions, answered, on_time, returned)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, grain, day, agency_id) DO UPDATE
      SET reports = s.reports + excluded.reports, dispositions = s.dispositions + excluded.dispositions,
        answered = s.answered + excluded.answered, on_time = s.on_time + excluded.on_time, returned = s.returned + excluded.returned
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  WITH gone AS (DELETE FROM disposition_hours_delta RETURNING *),
  agg AS (
    SELECT d.tenant_id, g.grain, CASE WHEN g.grain = 'month' THEN d.day - (extract(day FROM d.day)::int - 1) ELSE d.day END AS day,
      d.agency_id, d.metric, d.bucket, sum(d.n)::int AS n
    FROM gone d CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
    GROUP BY 1, 2, 3, 4, 5, 6
  ),
  up AS (
    INSERT INTO disposition_hours_hist AS h (tenant_id, grain, day, agency_id, metric, bucket, n)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, metric, grain, day, agency_id, bucket) DO UPDATE SET n = h.n + excluded.n
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO h;
  RETURN n + h;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant's scoreboard counts and hours from its dispositions (one snapshot each), then folds.
CREATE OR REPLACE FUNCTION disposition_stats_rebuild(t_id uuid) RETURNS void AS $$
BEGIN
  WITH a AS (DELETE FROM disposition_daily_stats WHERE tenant_id = t_id),
  b AS (DELETE FROM disposition_stats_delta WHERE tenant_id = t_id)
  INSERT INTO disposition_stats_delta (tenant_id, day, agency_id, reports, dispositions, answered, on_time, returned)
  SELECT d.tenant_id, (d.report_created_at AT TIME ZONE t.time_zone)::date, d.agency_id,
    count(DISTINCT d.report_id), count(*),
    count(*) FILTER (WHERE d.status = 'answered'),
    count(*) FILTER (WHERE d.status = 'answered' AND (d.due_at IS NULL OR d.completed_at <= d.due_at)),
    count(*) FILTER (WHERE d.status = 'returned')
  FROM dispositions d JOIN tenants t ON t.id = d.tenant_id
  WHERE d.tenant_id = t_id AND d.status <> 'cancelled' AND d.report_created_at IS NOT NULL
  GROUP BY 1, 2, 3;
  WITH a AS (DELETE FROM disposition_hours_hist WHERE tenant_id = t_id),
  b AS (DELETE FROM disposition_hours_delta WHERE tenant_id = t_id)
  INSERT INTO disposition_hours_delta (tenant_id, day, agency_id, metric, bucket, n)
  SELECT d.tenant_id, (d.report_created_at AT TIME ZONE t.time_zone)::date, d.agency_id, m.metric, m.bucket, count(*)
  FROM dispositions d JOIN tenants t ON t.id = d.tenant_id
  CROSS JOIN LATERAL (VALUES
    ('first', CASE WHEN d.status <> 'cancelled' AND d.accepted_at IS NOT NULL
      THEN report_hours_bucket(extract(epoch FROM (d.accepted_at - d.created_at)) / 3600.0) END),
    ('done', CASE WHEN d.status = 'answered' AND d.completed_at IS NOT NULL
      THEN report_hours_bucket(extract(epoch FROM (d.completed_at - d.created_at)) / 3600.0) END)
  ) AS m(metric, bucket)
  WHERE d.tenant_id = t_id AND d.report_created_at IS NOT NULL AND m.bucket IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
  PERFORM disposition_stats_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT disposition_stats_rebuild(id) FROM tenants;
