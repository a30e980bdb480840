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
  PERFORM report_daily_stats_compact();
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
