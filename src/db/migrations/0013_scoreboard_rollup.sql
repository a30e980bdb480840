-- The scoreboard rollup (src/analytics/scoreboard.ts), the same delta/fold scheme as migration
-- 0009 for dispositions: statement triggers on dispositions append signed delta rows per
-- tenant-local day (of the report's creation, dispositions.report_created_at) x agency to
-- disposition_stats_delta, in the same transaction as the change; disposition_stats_compact()
-- folds them into disposition_daily_stats (per local day and per local month, grain). Counted:
-- live (not cancelled) dispositions, answered, answered on time, returned, and `reports`, the
-- number of (report, agency) pairs with at least one live disposition (the scoreboard's
-- count(distinct report)): a statement's delta for a pair is "has live ones after" - "had
-- before", where before = the live ones now minus the statement's net change (linear in the rows).
-- What depends on `now` (overdue open) is read through the partial index below.
CREATE TABLE "disposition_daily_stats" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "grain" text NOT NULL,
  "day" date NOT NULL,
  "agency_id" uuid NOT NULL,
  "reports" integer NOT NULL,
  "dispositions" integer NOT NULL,
  "answered" integer NOT NULL,
  "on_time" integer NOT NULL,
  "returned" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "disposition_daily_stats_key" ON "disposition_daily_stats" ("tenant_id", "grain", "day", "agency_id")
  INCLUDE ("reports", "dispositions", "answered", "on_time", "returned");
--> statement-breakpoint
CREATE TABLE "disposition_stats_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "day" date NOT NULL,
  "agency_id" uuid NOT NULL,
  "reports" integer NOT NULL,
  "dispositions" integer NOT NULL,
  "answered" integer NOT NULL,
  "on_time" integer NOT NULL,
  "returned" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disposition_stats_delta_day_idx" ON "disposition_stats_delta" ("tenant_id", "day");
--> statement-breakpoint
ALTER TABLE "disposition_stats_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
-- Open dispositions for the overdue count (depends on `now`).
CREATE INDEX "dispositions_open_due_idx" ON "dispositions" ("tenant_id", "report_created_at") INCLUDE ("agency_id", "due_at")
  WHERE "status" IN ('pending', 'in_progress');
--> statement-breakpoint
-- The deltas of one statement: `olds` (the rows before, -1) and `news` (after, +1).
CREATE OR REPLACE FUNCTION disposition_stats_apply(olds dispositions[], news dispositions[]) RETURNS void AS $$
  WITH chg AS (
    SELECT o.tenant_id, o.id, o.report_id, o.agency_id, o.report_created_at, o.status::text AS status, o.due_at, o.completed_at, -1 AS s
    FROM unnest(olds) o
    UNION ALL
    SELECT n.tenant_id, n.id, n.report_id, n.agency_id, n.report_created_at, n.status::text, n.due_at, n.completed_at, 1
    FROM unnest(news) n
  ),
  rows_ AS (
    SELECT c.tenant_id, c.report_created_at, c.agency_id, 0 AS reports,
      CASE WHEN c.status <> 'cancelled' THEN c.s ELSE 0 END AS dispositions,
      CASE WHEN c.status = 'answered' THEN c.s ELSE 0 END AS answered,
      CASE WHEN c.status = 'answered' AND (c.due_at IS NULL OR c.completed_at <= c.due_at) THEN c.s ELSE 0 END AS on_time,
      CASE WHEN c.status = 'returned' THEN c.s ELSE 0 END AS returned
    FROM chg c
  ),
  -- Per (report, agency): the statement's change of its live dispositions; live before = live now - that.
  pairs AS (
    SELECT c.tenant_id, c.report_id, c.agency_id, c.report_created_at,
      sum(CASE WHEN c.status <> 'cancelled' THEN c.s ELSE 0 END) AS dlive
    FROM chg c GROUP BY 1, 2, 3, 4
  ),
  pair_now AS (
    SELECT p.*, (SELECT count(*) FROM dispositions d WHERE d.tenant_id = p.tenant_id AND d.report_id = p.report_id
        AND d.agency_id = p.agency_id AND d.report_created_at IS NOT DISTINCT FROM p.report_created_at
        AND d.status <> 'cancelled') AS live
    FROM pairs p
  ),
  pair_rows AS (
    SELECT p.tenant_id, p.report_created_at, p.agency_id,
      (CASE WHEN p.live > 0 THEN 1 ELSE 0 END) - (CASE WHEN p.live - p.dlive > 0 THEN 1 ELSE 0 END) AS reports,
      0, 0, 0, 0
    FROM pair_now p
  )
  INSERT INTO disposition_stats_delta (tenant_id, day, agency_id, reports, dispositions, answered, on_time, returned)
  SELECT x.tenant_id, (x.report_created_at AT TIME ZONE t.time_zone)::date, x.agency_id,
    sum(x.reports), sum(x.dispositions), sum(x.answered), sum(x.on_time), sum(x.returned)
  FROM (SELECT * FROM rows_ UNION ALL SELECT * FROM pair_rows) x JOIN tenants t ON t.id = x.tenant_id
  WHERE x.report_created_at IS NOT NULL
  GROUP BY 1, 2, 3
  HAVING sum(abs(x.reports)) + sum(abs(x.dispositions)) + sum(abs(x.answered)) + sum(abs(x.on_time)) + sum(abs(x.returned)) <> 0
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION disposition_stats_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM disposition_stats_apply(ARRAY[]::dispositions[], ARRAY(SELECT n::dispositions FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM disposition_stats_apply(ARRAY(SELECT o::dispositions FROM old_rows o), ARRAY[]::dispositions[]);
  ELSE
    PERFORM disposition_stats_apply(ARRAY(SELECT o::dispositions FROM old_rows o), ARRAY(SELECT n::dispositions FROM new_rows n));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER disposition_stats_insert AFTER INSERT ON dispositions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disposition_stats_track();
--> statement-breakpoint
CREATE TRIGGER disposition_stats_update AFTER UPDATE ON dispositions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION disposition_stats_track();
--> statement-breakpoint
CREATE TRIGGER disposition_stats_delete AFTER DELETE ON dispositions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION disposition_stats_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION disposition_stats_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
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
  RETURN n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant from its dispositions (one snapshot), then folds.
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
  PERFORM disposition_stats_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION disposition_stats_rezone() RETURNS trigger AS $$
BEGIN
  PERFORM disposition_stats_rebuild(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER disposition_stats_rezone AFTER UPDATE OF time_zone ON tenants
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION disposition_stats_rezone();
--> statement-breakpoint
SELECT disposition_stats_rebuild(id) FROM tenants;
