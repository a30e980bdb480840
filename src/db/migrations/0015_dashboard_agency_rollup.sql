-- Counts per agency for the agency scopes (src/analytics/agency-rollup.ts): an agency user's
-- dashboard and a leader's agency filter count the reports "of" an agency, which depends on the
-- report's dispositions, so the report rollup (0009) cannot answer. The same delta/fold scheme:
-- report_agency_stats_delta gets signed rows per (report, agency, basis) membership change or
-- counted report change, in the same transaction, from three triggers; the scoreboard fold
-- (disposition_stats_compact, replaced below, the one the dashboard job calls) moves them into
-- report_agency_stats per local day and local month, grouping sets () and each one of channel,
-- kind, status, category and kecamatan (gset bits as in 0009). A report belongs to an agency:
--   basis 'f' (the leader's agency filter): the agency holds a disposition that is not cancelled;
--   basis 'v' / 'w' (an agency user's scope): the agency holds a disposition in a live status
--     (pending, in_progress, answered), and the report is not / is about officials
--     (whistle-blowing, the latest flags_set event); the reader adds 'w' only for agencies on the
--     Inspektorat path, so a change of agency types needs no recount.
-- Triggers: on reports (a counted column changes: -old +new for each membership; before a delete:
-- -old), on dispositions (the scoreboard's statement triggers: a pair's membership before = after
-- minus the statement's net change, as in 0013), on report_events (flags_set rows inserted, or
-- their data rewritten by a UU PDP erasure, migration 0010; events are never deleted: memberships
-- move between 'v' and 'w').
CREATE TABLE "report_agency_stats" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "basis" "char" NOT NULL,
  "agency_id" uuid NOT NULL,
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
CREATE UNIQUE INDEX "report_agency_stats_key" ON "report_agency_stats"
  ("tenant_id", "agency_id", "basis", "gset", "grain", "day", "channel_type", "kind", "status", "category_id", "district_code")
  INCLUDE ("received", "verified", "answered", "emergency") NULLS NOT DISTINCT;
--> statement-breakpoint
CREATE TABLE "report_agency_stats_delta" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "basis" "char" NOT NULL,
  "agency_id" uuid NOT NULL,
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
CREATE INDEX "report_agency_stats_delta_idx" ON "report_agency_stats_delta" ("tenant_id", "agency_id", "day");
--> statement-breakpoint
ALTER TABLE "report_agency_stats_delta" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
  autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);
--> statement-breakpoint
-- Whether a report is about officials: its latest flags_set event (as src/analytics/scope.ts reads it).
CREATE OR REPLACE FUNCTION report_is_whistleblowing(t_id uuid, r_id uuid) RETURNS boolean AS $$
  SELECT coalesce((SELECT (e.data->'after'->>'whistleblowing')::boolean FROM report_events e
    WHERE e.tenant_id = t_id AND e.report_id = r_id AND e.type = 'flags_set' ORDER BY e.id DESC LIMIT 1), false)
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- The memberships of one report now: (agency, basis) pairs.
CREATE OR REPLACE FUNCTION report_agency_members(t_id uuid, r_id uuid) RETURNS TABLE (agency_id uuid, basis "char") AS $$
  WITH d AS (
    SELECT d.agency_id, bool_or(d.status <> 'cancelled') AS f, bool_or(d.status IN ('pending', 'in_progress', 'answered')) AS v
    FROM dispositions d WHERE d.tenant_id = t_id AND d.report_id = r_id GROUP BY d.agency_id
  ), wb AS (SELECT report_is_whistleblowing(t_id, r_id) AS wb)
  SELECT d.agency_id, 'f'::"char" FROM d WHERE d.f
  UNION ALL
  SELECT d.agency_id, CASE WHEN wb.wb THEN 'w' ELSE 'v' END::"char" FROM d, wb WHERE d.v
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- One report's contribution (s = 1 or -1) to one agency and basis, on its tenant-local day.
CREATE OR REPLACE FUNCTION report_agency_add(r reports, a_id uuid, b "char", s integer) RETURNS void AS $$
  INSERT INTO report_agency_stats_delta (tenant_id, basis, agency_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  SELECT r.tenant_id, b, a_id, (r.created_at AT TIME ZONE t.time_zone)::date, r.channel_type::text, r.kind::text, r.status::text,
    r.category_id, r.district_code, s,
    CASE WHEN r.verified_at IS NOT NULL THEN s ELSE 0 END,
    CASE WHEN r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed') THEN s ELSE 0 END,
    CASE WHEN r.is_emergency THEN s ELSE 0 END
  FROM tenants t WHERE t.id = r.tenant_id
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_track() RETURNS trigger AS $$
DECLARE
  m record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.tenant_id = OLD.tenant_id AND NEW.created_at = OLD.created_at AND NEW.channel_type = OLD.channel_type
       AND NEW.kind = OLD.kind AND NEW.status = OLD.status
       AND NEW.category_id IS NOT DISTINCT FROM OLD.category_id AND NEW.district_code IS NOT DISTINCT FROM OLD.district_code
       AND (NEW.verified_at IS NULL) = (OLD.verified_at IS NULL) AND (NEW.answered_at IS NULL) = (OLD.answered_at IS NULL)
       AND NEW.is_emergency = OLD.is_emergency THEN
      RETURN NULL;
    END IF;
    FOR m IN SELECT * FROM report_agency_members(NEW.tenant_id, NEW.id) LOOP
      PERFORM report_agency_add(OLD, m.agency_id, m.basis, -1);
      PERFORM report_agency_add(NEW, m.agency_id, m.basis, 1);
    END LOOP;
    RETURN NULL;
  END IF;
  -- BEFORE DELETE: while its dispositions are still there (their cascade then finds no report).
  FOR m IN SELECT * FROM report_agency_members(OLD.tenant_id, OLD.id) LOOP
    PERFORM report_agency_add(OLD, m.agency_id, m.basis, -1);
  END LOOP;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_agency_track AFTER UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION report_agency_track();
--> statement-breakpoint
CREATE TRIGGER report_agency_untrack BEFORE DELETE ON reports FOR EACH ROW EXECUTE FUNCTION report_agency_track();
--> statement-breakpoint
-- The membership deltas of one disposition statement: per (report, agency) the net change of its
-- not-cancelled and live dispositions; before = now - change.
CREATE OR REPLACE FUNCTION report_agency_apply(olds dispositions[], news dispositions[]) RETURNS void AS $$
  WITH chg AS (
    SELECT o.tenant_id, o.report_id, o.agency_id, o.status::text AS status, -1 AS s FROM unnest(olds) o
    UNION ALL
    SELECT n.tenant_id, n.report_id, n.agency_id, n.status::text, 1 FROM unnest(news) n
  ),
  pairs AS (
    SELECT c.tenant_id, c.report_id, c.agency_id,
      sum(CASE WHEN c.status <> 'cancelled' THEN c.s ELSE 0 END) AS df,
      sum(CASE WHEN c.status IN ('pending', 'in_progress', 'answered') THEN c.s ELSE 0 END) AS dv
    FROM chg c GROUP BY 1, 2, 3
    HAVING sum(CASE WHEN c.status <> 'cancelled' THEN c.s ELSE 0 END) <> 0
      OR sum(CASE WHEN c.status IN ('pending', 'in_progress', 'answered') THEN c.s ELSE 0 END) <> 0
  ),
  now_ AS (
    SELECT p.*, x.f, x.v FROM pairs p CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE d.status <> 'cancelled') AS f,
        count(*) FILTER (WHERE d.status IN ('pending', 'in_progress', 'answered')) AS v
      FROM dispositions d WHERE d.tenant_id = p.tenant_id AND d.report_id = p.report_id AND d.agency_id = p.agency_id) x
  ),
  m AS (
    SELECT n.tenant_id, n.report_id, n.agency_id, 'f'::"char" AS basis,
      (CASE WHEN n.f > 0 THEN 1 ELSE 0 END) - (CASE WHEN n.f - n.df > 0 THEN 1 ELSE 0 END) AS s
    FROM now_ n
    UNION ALL
    SELECT n.tenant_id, n.report_id, n.agency_id,
      CASE WHEN report_is_whistleblowing(n.tenant_id, n.report_id) THEN 'w' ELSE 'v' END::"char",
      (CASE WHEN n.v > 0 THEN 1 ELSE 0 END) - (CASE WHEN n.v - n.dv > 0 THEN 1 ELSE 0 END)
    FROM now_ n
  )
  INSERT INTO report_agency_stats_delta (tenant_id, basis, agency_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  SELECT r.tenant_id, m.basis, m.agency_id, (r.created_at AT TIME ZONE t.time_zone)::date, r.channel_type::text, r.kind::text,
    r.status::text, r.category_id, r.district_code, m.s,
    CASE WHEN r.verified_at IS NOT NULL THEN m.s ELSE 0 END,
    CASE WHEN r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed') THEN m.s ELSE 0 END,
    CASE WHEN r.is_emergency THEN m.s ELSE 0 END
  FROM m JOIN reports r ON r.tenant_id = m.tenant_id AND r.id = m.report_id
    JOIN tenants t ON t.id = r.tenant_id
  WHERE m.s <> 0
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
  PERFORM report_agency_apply(olds, news);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- flags_set events inserted or changed: for each report whose whistle-blowing flag
-- changed, its live memberships move between 'v' and 'w'. Before = the latest of (the events now,
-- without the statement's new rows, plus its old rows).
CREATE OR REPLACE FUNCTION report_agency_flags_apply(olds report_events[], news report_events[]) RETURNS void AS $$
  WITH o AS (SELECT * FROM unnest(olds) x WHERE x.type = 'flags_set'),
  n AS (SELECT * FROM unnest(news) x WHERE x.type = 'flags_set'),
  -- Inserted events are the newest of their report: before = the latest older than the first of
  -- them (one index probe per report, whatever the statement's size). Rewritten ones: the latest
  -- event, with its old data if the statement rewrote it.
  touched AS (
    SELECT x.tenant_id, x.report_id, min(x.id) FILTER (WHERE x.inserted) AS first_new FROM (
      SELECT n.tenant_id, n.report_id, n.id, cardinality(olds) = 0 AS inserted FROM n
      UNION ALL SELECT o.tenant_id, o.report_id, o.id, false FROM o
    ) x GROUP BY 1, 2
  ),
  flip AS (
    SELECT t.tenant_id, t.report_id, report_is_whistleblowing(t.tenant_id, t.report_id) AS after_,
      CASE WHEN t.first_new IS NOT NULL THEN
        coalesce((SELECT (e.data->'after'->>'whistleblowing')::boolean FROM report_events e
          WHERE e.tenant_id = t.tenant_id AND e.report_id = t.report_id AND e.type = 'flags_set' AND e.id < t.first_new
          ORDER BY e.id DESC LIMIT 1), false)
      ELSE
        coalesce((SELECT (coalesce((SELECT o.data FROM o WHERE o.id = e.id), e.data)->'after'->>'whistleblowing')::boolean
          FROM report_events e WHERE e.tenant_id = t.tenant_id AND e.report_id = t.report_id AND e.type = 'flags_set'
          ORDER BY e.id DESC LIMIT 1), false)
      END AS before_
    FROM touched t
  ),
  live AS (
    SELECT f.tenant_id, f.report_id, f.after_, d.agency_id FROM flip f
    JOIN dispositions d ON d.tenant_id = f.tenant_id AND d.report_id = f.report_id
    WHERE f.after_ <> f.before_ AND d.status IN ('pending', 'in_progress', 'answered')
    GROUP BY 1, 2, 3, 4
  ),
  m AS (
    SELECT l.tenant_id, l.report_id, l.agency_id, CASE WHEN l.after_ THEN 'w' ELSE 'v' END::"char" AS basis, 1 AS s FROM live l
    UNION ALL
    SELECT l.tenant_id, l.report_id, l.agency_id, CASE WHEN l.after_ THEN 'v' ELSE 'w' END::"char", -1 FROM live l
  )
  INSERT INTO report_agency_stats_delta (tenant_id, basis, agency_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  SELECT r.tenant_id, m.basis, m.agency_id, (r.created_at AT TIME ZONE t.time_zone)::date, r.channel_type::text, r.kind::text,
    r.status::text, r.category_id, r.district_code, m.s,
    CASE WHEN r.verified_at IS NOT NULL THEN m.s ELSE 0 END,
    CASE WHEN r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed') THEN m.s ELSE 0 END,
    CASE WHEN r.is_emergency THEN m.s ELSE 0 END
  FROM m JOIN reports r ON r.tenant_id = m.tenant_id AND r.id = m.report_id
    JOIN tenants t ON t.id = r.tenant_id
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_flags_track() RETURNS trigger AS $$
DECLARE
  olds report_events[] := ARRAY[]::report_events[];
  news report_events[] := ARRAY[]::report_events[];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    olds := ARRAY(SELECT o::report_events FROM old_rows o WHERE o.type = 'flags_set');
  END IF;
  IF TG_OP <> 'DELETE' THEN
    news := ARRAY(SELECT n::report_events FROM new_rows n WHERE n.type = 'flags_set');
  END IF;
  IF cardinality(olds) + cardinality(news) > 0 THEN
    PERFORM report_agency_flags_apply(olds, news);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_agency_flags_insert AFTER INSERT ON report_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agency_flags_track();
--> statement-breakpoint
CREATE TRIGGER report_agency_flags_update AFTER UPDATE ON report_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_agency_flags_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_stats_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  WITH gone AS (DELETE FROM report_agency_stats_delta RETURNING *),
  m AS (
    SELECT d.tenant_id, d.basis, d.agency_id, g.grain,
      CASE WHEN g.grain = 'month' THEN d.day - (extract(day FROM d.day)::int - 1) ELSE d.day END AS day,
      d.channel_type, d.kind, d.status, d.category_id, d.district_code, d.received, d.verified, d.answered, d.emergency
    FROM gone d CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
  ),
  agg AS (
    SELECT tenant_id, basis, agency_id, (31 - grouping(channel_type, kind, status, category_id, district_code))::smallint AS gset,
      grain, day, channel_type, kind, status, category_id, district_code,
      sum(received)::int AS received, sum(verified)::int AS verified, sum(answered)::int AS answered, sum(emergency)::int AS emergency
    FROM m
    GROUP BY tenant_id, basis, agency_id, grain, day,
      GROUPING SETS ((), (channel_type), (kind), (status), (category_id), (district_code))
  ),
  up AS (
    INSERT INTO report_agency_stats AS s (tenant_id, basis, agency_id, gset, grain, day, channel_type, kind, status, category_id,
        district_code, received, verified, answered, emergency)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, agency_id, basis, gset, grain, day, channel_type, kind, status, category_id, district_code) DO UPDATE
      SET received = s.received + excluded.received, verified = s.verified + excluded.verified,
        answered = s.answered + excluded.answered, emergency = s.emergency + excluded.emergency
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The scoreboard fold (0013, 0014) now also folds the agency counts. Returns the rows folded.
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
  RETURN n + h + report_agency_stats_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant's agency counts from its reports, dispositions and events (one snapshot), then folds.
CREATE OR REPLACE FUNCTION report_agency_stats_rebuild(t_id uuid) RETURNS void AS $$
BEGIN
  WITH a AS (DELETE FROM report_agency_stats WHERE tenant_id = t_id),
  b AS (DELETE FROM report_agency_stats_delta WHERE tenant_id = t_id),
  d AS (
    SELECT d.report_id, d.agency_id, bool_or(d.status <> 'cancelled') AS f, bool_or(d.status IN ('pending', 'in_progress', 'answered')) AS v
    FROM dispositions d WHERE d.tenant_id = t_id GROUP BY 1, 2
  ),
  wb AS (
    SELECT DISTINCT ON (e.report_id) e.report_id, coalesce((e.data->'after'->>'whistleblowing')::boolean, false) AS wb
    FROM report_events e WHERE e.tenant_id = t_id AND e.type = 'flags_set' ORDER BY e.report_id, e.id DESC
  ),
  m AS (
    SELECT d.report_id, d.agency_id, 'f'::"char" AS basis FROM d WHERE d.f
    UNION ALL
    SELECT d.report_id, d.agency_id, CASE WHEN coalesce(wb.wb, false) THEN 'w' ELSE 'v' END::"char"
    FROM d LEFT JOIN wb ON wb.report_id = d.report_id WHERE d.v
  )
  INSERT INTO report_agency_stats_delta (tenant_id, basis, agency_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  SELECT r.tenant_id, m.basis, m.agency_id, (r.created_at AT TIME ZONE t.time_zone)::date, r.channel_type::text, r.kind::text,
    r.status::text, r.category_id, r.district_code, count(*), count(r.verified_at),
    count(*) FILTER (WHERE r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed')),
    count(*) FILTER (WHERE r.is_emergency)
  FROM m JOIN reports r ON r.tenant_id = t_id AND r.id = m.report_id JOIN tenants t ON t.id = r.tenant_id
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  PERFORM report_agency_stats_compact();
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_agency_stats_rezone() RETURNS trigger AS $$
BEGIN
  PERFORM report_agency_stats_rebuild(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_agency_stats_rezone AFTER UPDATE OF time_zone ON tenants
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION report_agency_stats_rezone();
--> statement-breakpoint
SELECT report_agency_stats_rebuild(id) FROM tenants;
