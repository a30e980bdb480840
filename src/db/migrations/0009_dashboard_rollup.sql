-- The dashboard rollup (src/analytics/rollup.ts). A trigger on reports appends one signed delta
-- row per change (+1 for the new values, -1 for the old) to report_stats_delta, keyed by the
-- tenant-local day and the counted dimensions, in the same transaction as the report change; so
-- every writer (the lifecycle, intake, the demo loader, a bulk SQL load) is covered, and
-- concurrent report writes never wait on a shared counter row. A job folds the deltas into
-- report_daily_stats (report_daily_stats_compact), which holds, per local day and per local month
-- (grain), the counts of every grouping set of at most two of channel, kind, status, category and
-- kecamatan (gset: bits 16 channel, 8 kind, 4 status, 2 category, 1 kecamatan; 0 = all reports).
-- A figure is the sum of the rollup rows and the pending deltas, so it equals a direct count at
-- any instant.
DROP TABLE IF EXISTS "report_daily_stats";
--> statement-breakpoint
CREATE TABLE "report_daily_stats" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "gset" smallint NOT NULL,
  "grain" text NOT NULL,
  "day" date NOT NULL,
  "channel_type" text,
  "kind" text,
  "status" text,
  "category_id" uuid,
  "district_code" text,
  "received" integer NOT NULL,
  "verified" integer NOT NULL,
  "answered" integer NOT NULL,
  "emergency" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_daily_stats_key" ON "report_daily_stats"
  ("tenant_id", "gset", "grain", "day", "channel_type", "kind", "status", "category_id", "district_code")
  INCLUDE ("received", "verified", "answered", "emergency") NULLS NOT DISTINCT;
--> statement-breakpoint
CREATE TABLE "report_stats_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "day" date NOT NULL,
  "channel_type" text NOT NULL,
  "kind" text NOT NULL,
  "status" text NOT NULL,
  "category_id" uuid,
  "district_code" text,
  "received" integer NOT NULL,
  "verified" integer NOT NULL,
  "answered" integer NOT NULL,
  "emergency" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_stats_delta_day_idx" ON "report_stats_delta" ("tenant_id", "day");
--> statement-breakpoint
-- Every row is deleted by the next fold: vacuum it often, or readers wade through dead rows.
ALTER TABLE "report_stats_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
-- One report's contribution (s = 1 or -1) on its tenant-local day.
CREATE OR REPLACE FUNCTION report_stats_add(r reports, s integer) RETURNS void AS $$
DECLARE
  tz text;
BEGIN
  SELECT t.time_zone INTO tz FROM tenants t WHERE t.id = r.tenant_id;
  IF tz IS NULL THEN
    RETURN; -- the tenant is being deleted (its rows go with it)
  END IF;
  INSERT INTO report_stats_delta (tenant_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  VALUES (r.tenant_id, (r.created_at AT TIME ZONE tz)::date, r.channel_type::text, r.kind::text, r.status::text,
    r.category_id, r.district_code, s,
    CASE WHEN r.verified_at IS NOT NULL THEN s ELSE 0 END,
    CASE WHEN r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed') THEN s ELSE 0 END,
    CASE WHEN r.is_emergency THEN s ELSE 0 END);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_stats_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Most updates (deadlines, escalation level, texts) change nothing the rollup counts.
    IF NEW.tenant_id = OLD.tenant_id AND NEW.created_at = OLD.created_at AND NEW.channel_type = OLD.channel_type
       AND NEW.kind = OLD.kind AND NEW.status = OLD.status
       AND NEW.category_id IS NOT DISTINCT FROM OLD.category_id AND NEW.district_code IS NOT DISTINCT FROM OLD.district_code
       AND (NEW.verified_at IS NULL) = (OLD.verified_at IS NULL) AND (NEW.answered_at IS NULL) = (OLD.answered_at IS NULL)
       AND NEW.is_emergency = OLD.is_emergency THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM report_stats_add(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM report_stats_add(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_stats_track AFTER INSERT OR UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_stats_track();
--> statement-breakpoint
-- Folds every pending delta into the rollup, in one statement (readers see the deltas or their
-- sums, never both nor neither). Returns the delta rows folded.
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
      (status, category_id), (status, district_code), (category_id, district_code))
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
-- Exact medians without sorting every report of a long period: a histogram of hours (first
-- response, completion) per tenant-local day and month, folded like the counts; the summary finds
-- the bucket holding the middle rank(s) there, then reads only that bucket's values in the period
-- through the expression indexes below (src/analytics/medians.ts). Bucket b holds
-- floor(ln(hours + 1) * 20) = b (5 % wide); negative durations are bucket -1.
CREATE OR REPLACE FUNCTION report_hours_bucket(h numeric) RETURNS smallint AS $$
  SELECT CASE WHEN h IS NULL THEN NULL WHEN h < 0 THEN -1 ELSE least(floor(ln(h + 1) * 20), 30000) END::smallint
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE INDEX "reports_first_hours_idx" ON "reports"
  ("tenant_id", report_hours_bucket(extract(epoch FROM ("first_response_at" - "created_at")) / 3600.0), "created_at")
  INCLUDE ("first_response_at") WHERE "first_response_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "reports_done_hours_idx" ON "reports"
  ("tenant_id", report_hours_bucket(extract(epoch FROM (coalesce("closed_at", "answered_at") - "created_at")) / 3600.0), "created_at")
  INCLUDE ("closed_at", "answered_at") WHERE coalesce("closed_at", "answered_at") IS NOT NULL;
--> statement-breakpoint
-- Open reports for the overdue count (a small share of the tenant once most are closed).
CREATE INDEX "reports_open_due_idx" ON "reports" ("tenant_id", "created_at") INCLUDE ("due_at")
  WHERE "status" IN ('received', 'dispatched', 'in_progress', 'returned', 'reopened');
--> statement-breakpoint
CREATE TABLE "report_hours_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "day" date NOT NULL,
  "metric" text NOT NULL,
  "bucket" smallint NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_hours_delta_day_idx" ON "report_hours_delta" ("tenant_id", "day");
--> statement-breakpoint
ALTER TABLE "report_hours_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
CREATE TABLE "report_hours_hist" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "grain" text NOT NULL,
  "day" date NOT NULL,
  "metric" text NOT NULL,
  "bucket" smallint NOT NULL,
  "n" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_hours_hist_key" ON "report_hours_hist" ("tenant_id", "metric", "grain", "day", "bucket") INCLUDE ("n");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_hours_add(r reports, s integer) RETURNS void AS $$
DECLARE
  tz text;
  d date;
BEGIN
  IF r.first_response_at IS NULL AND coalesce(r.closed_at, r.answered_at) IS NULL THEN
    RETURN;
  END IF;
  SELECT t.time_zone INTO tz FROM tenants t WHERE t.id = r.tenant_id;
  IF tz IS NULL THEN
    RETURN;
  END IF;
  d := (r.created_at AT TIME ZONE tz)::date;
  IF r.first_response_at IS NOT NULL THEN
    INSERT INTO report_hours_delta VALUES (r.tenant_id, d, 'first',
      report_hours_bucket(extract(epoch FROM (r.first_response_at - r.created_at)) / 3600.0), s);
  END IF;
  IF coalesce(r.closed_at, r.answered_at) IS NOT NULL THEN
    INSERT INTO report_hours_delta VALUES (r.tenant_id, d, 'done',
      report_hours_bucket(extract(epoch FROM (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0), s);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_hours_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.tenant_id = OLD.tenant_id AND NEW.created_at = OLD.created_at
       AND NEW.first_response_at IS NOT DISTINCT FROM OLD.first_response_at
       AND coalesce(NEW.closed_at, NEW.answered_at) IS NOT DISTINCT FROM coalesce(OLD.closed_at, OLD.answered_at) THEN
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
CREATE TRIGGER report_hours_track AFTER INSERT OR UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_hours_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_hours_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  WITH gone AS (DELETE FROM report_hours_delta RETURNING *),
  agg AS (
    SELECT d.tenant_id, g.grain, CASE WHEN g.grain = 'month' THEN d.day - (extract(day FROM d.day)::int - 1) ELSE d.day END AS day,
      d.metric, d.bucket, sum(d.n)::int AS n
    FROM gone d CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
    GROUP BY 1, 2, 3, 4, 5
  ),
  up AS (
    INSERT INTO report_hours_hist AS h (tenant_id, grain, day, metric, bucket, n)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, metric, grain, day, bucket) DO UPDATE SET n = h.n + excluded.n
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant from its reports: its rollup and deltas are replaced by one delta row per
-- (local day, key) in one statement (one snapshot: a report committed meanwhile is counted once,
-- by its own delta row or by the recount), then folded.
CREATE OR REPLACE FUNCTION report_daily_stats_rebuild(t_id uuid) RETURNS void AS $$
BEGIN
  WITH a AS (DELETE FROM report_daily_stats WHERE tenant_id = t_id),
  b AS (DELETE FROM report_stats_delta WHERE tenant_id = t_id)
  INSERT INTO report_stats_delta (tenant_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  SELECT r.tenant_id, (r.created_at AT TIME ZONE t.time_zone)::date, r.channel_type::text, r.kind::text, r.status::text,
    r.category_id, r.district_code, count(*), count(r.verified_at),
    count(*) FILTER (WHERE r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed')),
    count(*) FILTER (WHERE r.is_emergency)
  FROM reports r JOIN tenants t ON t.id = r.tenant_id
  WHERE r.tenant_id = t_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  WITH a AS (DELETE FROM report_hours_hist WHERE tenant_id = t_id),
  b AS (DELETE FROM report_hours_delta WHERE tenant_id = t_id)
  INSERT INTO report_hours_delta (tenant_id, day, metric, bucket, n)
  SELECT r.tenant_id, (r.created_at AT TIME ZONE t.time_zone)::date, m.metric, m.bucket, count(*)
  FROM reports r JOIN tenants t ON t.id = r.tenant_id
  CROSS JOIN LATERAL (VALUES
    ('first', CASE WHEN r.first_response_at IS NOT NULL
      THEN report_hours_bucket(extract(epoch FROM (r.first_response_at - r.created_at)) / 3600.0) END),
    ('done', CASE WHEN coalesce(r.closed_at, r.answered_at) IS NOT NULL
      THEN report_hours_bucket(extract(epoch FROM (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0) END)
  ) AS m(metric, bucket)
  WHERE r.tenant_id = t_id AND m.bucket IS NOT NULL
  GROUP BY 1, 2, 3, 4;
  PERFORM report_daily_stats_compact();
  PERFORM report_hours_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A tenant moving to another time zone has other local days: recount it in the same transaction.
CREATE OR REPLACE FUNCTION report_daily_stats_rezone() RETURNS trigger AS $$
BEGIN
  PERFORM report_daily_stats_rebuild(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_daily_stats_rezone AFTER UPDATE OF time_zone ON tenants
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION report_daily_stats_rezone();
--> statement-breakpoint
SELECT report_daily_stats_rebuild(id) FROM tenants;
