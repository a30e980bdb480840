-- One row per (report, agency) pair for the dashboard's agency scopes and filtered scoreboard
-- (src/analytics/agency-facts.ts): report_agency_facts holds, for every agency holding a
-- disposition that is not cancelled, the report's own columns the panels read (creation time,
-- status, deadline, dimensions, the two durations of the summary's medians) and that pair's
-- disposition figures (not-cancelled dispositions, answered, on time, returned, the deadlines of
-- the open ones, the two durations of the scoreboard's medians, as arrays: a pair may hold two
-- dispositions). Readers scan one index (index-only) instead of probing `reports` per report:
-- the summary of an agency scope (overdue count and exact medians over the agency's reports) and
-- the scoreboard with a report filter or an agency user's own scope. The row is kept exact in the
-- writer's transaction: a disposition statement recomputes its reports' pairs (statement trigger,
-- linear in the rows), a report change of a read column updates its pairs in place (row trigger
-- with a WHEN clause: one index probe), a flags_set event recomputes its reports'
-- whistle-blowing flag. No local days: a time-zone change needs no recount.
CREATE TABLE "report_agency_facts" (
  "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
  "report_id" uuid NOT NULL,
  "agency_id" uuid NOT NULL,
  "created_at" timestamp with time zone NOT NULL,
  -- The pair's memberships: v = a disposition in a live status (pending, in_progress, answered);
  -- wb = the report is about officials (latest flags_set event). Every row has one not cancelled.
  "v" boolean NOT NULL,
  "wb" boolean NOT NULL,
  "status" text NOT NULL,
  "due_at" timestamp with time zone,
  "channel_type" text NOT NULL,
  "kind" text NOT NULL,
  "category_id" uuid,
  "district_code" text,
  "verified" boolean NOT NULL,
  "answered" boolean NOT NULL,
  "emergency" boolean NOT NULL,
  "first_hours" double precision,
  "done_hours" double precision,
  "n" integer NOT NULL,
  "n_answered" integer NOT NULL,
  "n_on_time" integer NOT NULL,
  "n_returned" integer NOT NULL,
  -- The deadlines of its open dispositions (pending, in_progress) and the scoreboard's hours
  -- (accepted - created of each, completed - created of the answered ones), ascending: the first
  -- in a column, the rest (a pair with two dispositions, rare) in an array.
  "open_due1" timestamp with time zone,
  "open_extra" timestamp with time zone[] NOT NULL,
  "first1" double precision,
  "first_extra" double precision[] NOT NULL,
  "done1" double precision,
  "done_extra" double precision[] NOT NULL,
  PRIMARY KEY ("tenant_id", "report_id", "agency_id")
);
--> statement-breakpoint
CREATE INDEX "report_agency_facts_agency_idx" ON "report_agency_facts" ("tenant_id", "agency_id", "created_at")
  INCLUDE ("v", "wb", "status", "due_at", "channel_type", "kind", "category_id", "district_code", "verified", "answered",
    "emergency", "first_hours", "done_hours", "n", "n_answered", "n_on_time", "n_returned", "open_due1", "first1", "done1");
--> statement-breakpoint
-- The summary of one agency without a report filter reads only these (less than half the width:
-- more of it stays in shared buffers between requests).
CREATE INDEX "report_agency_facts_summary_idx" ON "report_agency_facts" ("tenant_id", "agency_id", "created_at")
  INCLUDE ("v", "wb", "status", "due_at", "verified", "answered", "emergency", "first_hours", "done_hours");
--> statement-breakpoint
CREATE INDEX "report_agency_facts_district_idx" ON "report_agency_facts" ("tenant_id", "district_code", "created_at")
  INCLUDE ("agency_id", "channel_type", "kind", "category_id", "n", "n_answered", "n_on_time", "n_returned", "open_due1",
    "first1", "done1");
--> statement-breakpoint
CREATE INDEX "report_agency_facts_channel_idx" ON "report_agency_facts" ("tenant_id", "channel_type", "kind", "created_at")
  INCLUDE ("agency_id", "category_id", "district_code", "n", "n_answered", "n_on_time", "n_returned", "open_due1",
    "first1", "done1");
--> statement-breakpoint
-- The few pairs with more than one value (readers add them with the same condition).
CREATE INDEX "report_agency_facts_extra_idx" ON "report_agency_facts" ("tenant_id", "created_at")
  INCLUDE ("agency_id", "v", "wb", "channel_type", "kind", "category_id", "district_code", "open_extra", "first_extra", "done_extra")
  WHERE "open_extra" <> '{}' OR "first_extra" <> '{}' OR "done_extra" <> '{}';
--> statement-breakpoint
-- Recomputes every pair of the given reports from the reports, their dispositions and events:
-- upserts the pairs there are, deletes those there no longer are (one statement; an upsert rather
-- than delete + insert, so a concurrent transaction that wrote the same report's pairs first makes
-- this one overwrite them instead of failing on the primary key).
CREATE OR REPLACE FUNCTION report_agency_facts_sync(t_ids uuid[], r_ids uuid[]) RETURNS void AS $$
  WITH k AS (SELECT DISTINCT x.t, x.r FROM unnest(t_ids, r_ids) AS x(t, r)),
  cur AS (
    SELECT r.tenant_id, r.id AS report_id, p.agency_id, r.created_at, p.v, report_is_whistleblowing(r.tenant_id, r.id) AS wb,
      r.status::text AS status, r.due_at, r.channel_type::text AS channel_type, r.kind::text AS kind, r.category_id, r.district_code,
      r.verified_at IS NOT NULL AS verified, r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed') AS answered,
      r.is_emergency AS emergency,
      (extract(epoch FROM (r.first_response_at - r.created_at)) / 3600.0)::float8 AS first_hours,
      (extract(epoch FROM (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0)::float8 AS done_hours,
      p.n, p.n_answered, p.n_on_time, p.n_returned, p.o[1] AS open_due1, p.o[2:] AS open_extra, p.fa[1] AS first1,
      p.fa[2:] AS first_extra, p.da[1] AS done1, p.da[2:] AS done_extra
    FROM k JOIN reports r ON r.tenant_id = k.t AND r.id = k.r
    CROSS JOIN LATERAL (
      SELECT d.agency_id, bool_or(d.status IN ('pending', 'in_progress', 'answered')) AS v, count(*)::int AS n,
        count(*) FILTER (WHERE d.status = 'answered')::int AS n_answered,
        count(*) FILTER (WHERE d.status = 'answered' AND (d.due_at IS NULL OR d.completed_at <= d.due_at))::int AS n_on_time,
        count(*) FILTER (WHERE d.status = 'returned')::int AS n_returned,
        coalesce(array_agg(d.due_at ORDER BY d.due_at) FILTER (WHERE d.status IN ('pending', 'in_progress') AND d.due_at IS NOT NULL),
          '{}') AS o,
        coalesce(array_agg(h.first ORDER BY h.first) FILTER (WHERE h.first IS NOT NULL), '{}') AS fa,
        coalesce(array_agg(h.done ORDER BY h.done) FILTER (WHERE d.status = 'answered' AND h.done IS NOT NULL), '{}') AS da
      FROM dispositions d CROSS JOIN LATERAL (SELECT (extract(epoch FROM (d.accepted_at - d.created_at)) / 3600.0)::float8 AS first,
        (extract(epoch FROM (d.completed_at - d.created_at)) / 3600.0)::float8 AS done) h
      WHERE d.tenant_id = r.tenant_id AND d.report_id = r.id AND d.status <> 'cancelled'
      GROUP BY d.agency_id
    ) p
  ),
  -- The pairs no longer there: no disposition of the pair that is not cancelled, or no report
  -- (the same set as "not in cur", by index probes; an anti-join with the CTE was quadratic).
  gone AS (
    DELETE FROM report_agency_facts f USING k WHERE f.tenant_id = k.t AND f.report_id = k.r
      AND (NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.tenant_id = f.tenant_id AND d.report_id = f.report_id
          AND d.agency_id = f.agency_id AND d.status <> 'cancelled')
        OR NOT EXISTS (SELECT 1 FROM reports r WHERE r.tenant_id = f.tenant_id AND r.id = f.report_id))
  )
  INSERT INTO report_agency_facts AS f SELECT * FROM cur
  ON CONFLICT (tenant_id, report_id, agency_id) DO UPDATE SET
    created_at = excluded.created_at, v = excluded.v, wb = excluded.wb, status = excluded.status,
    due_at = excluded.due_at, channel_type = excluded.channel_type, kind = excluded.kind, category_id = excluded.category_id,
    district_code = excluded.district_code, verified = excluded.verified, answered = excluded.answered, emergency = excluded.emergency,
    first_hours = excluded.first_hours, done_hours = excluded.done_hours, n = excluded.n, n_answered = excluded.n_answered,
    n_on_time = excluded.n_on_time, n_returned = excluded.n_returned, open_due1 = excluded.open_due1, open_extra = excluded.open_extra,
    first1 = excluded.first1, first_extra = excluded.first_extra, done1 = excluded.done1, done_extra = excluded.done_extra
$$ LANGUAGE sql;
--> statement-breakpoint
-- A disposition statement: the pairs of every report whose dispositions changed in a column the
-- pairs read (a rewrite of other columns, or of nothing, costs no recomputation).
CREATE OR REPLACE FUNCTION report_agency_facts_apply(olds dispositions[], news dispositions[]) RETURNS void AS $$
  WITH o AS (SELECT x.tenant_id, x.report_id, x.id, x.agency_id, x.status, x.due_at, x.created_at, x.accepted_at, x.completed_at FROM unnest(olds) x),
  n AS (SELECT x.tenant_id, x.report_id, x.id, x.agency_id, x.status, x.due_at, x.created_at, x.accepted_at, x.completed_at FROM unnest(news) x),
  k AS (SELECT DISTINCT c.tenant_id, c.report_id FROM ((SELECT * FROM o EXCEPT ALL SELECT * FROM n) UNION ALL (SELECT * FROM n EXCEPT ALL SELECT * FROM o)) c)
  SELECT report_agency_facts_sync(array_agg(k.tenant_id), array_agg(k.report_id)) FROM k HAVING count(*) > 0
$$ LANGUAGE sql;
--> statement-breakpoint
-- The scoreboard's statement triggers on dispositions (0013, 0014, 0015) now keep the pairs too.
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
  PERFORM report_agency_facts_apply(olds, news);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A report's read columns changed: its pairs (if any) in place.
CREATE OR REPLACE FUNCTION report_agency_facts_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM report_agency_facts f WHERE f.tenant_id = OLD.tenant_id AND f.report_id = OLD.id;
    RETURN OLD;
  END IF;
  UPDATE report_agency_facts f SET created_at = NEW.created_at, status = NEW.status::text, due_at = NEW.due_at,
    channel_type = NEW.channel_type::text, kind = NEW.kind::text, category_id = NEW.category_id, district_code = NEW.district_code,
    verified = NEW.verified_at IS NOT NULL, answered = NEW.answered_at IS NOT NULL OR NEW.status::text IN ('answered', 'closed'),
    emergency = NEW.is_emergency,
    first_hours = (extract(epoch FROM (NEW.first_response_at - NEW.created_at)) / 3600.0)::float8,
    done_hours = (extract(epoch FROM (coalesce(NEW.closed_at, NEW.answered_at) - NEW.created_at)) / 3600.0)::float8
  WHERE f.tenant_id = NEW.tenant_id AND f.report_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_agency_facts_track AFTER UPDATE ON reports FOR EACH ROW
  WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.channel_type IS DISTINCT FROM NEW.channel_type OR OLD.kind IS DISTINCT FROM NEW.kind
    OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.district_code IS DISTINCT FROM NEW.district_code
    OR OLD.verified_at IS DISTINCT FROM NEW.verified_at OR OLD.answered_at IS DISTINCT FROM NEW.answered_at
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.first_response_at IS DISTINCT FROM NEW.first_response_at
    OR OLD.is_emergency IS DISTINCT FROM NEW.is_emergency OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id OR OLD.id IS DISTINCT FROM NEW.id)
  EXECUTE FUNCTION report_agency_facts_track();
--> statement-breakpoint
CREATE TRIGGER report_agency_facts_untrack BEFORE DELETE ON reports FOR EACH ROW EXECUTE FUNCTION report_agency_facts_track();
--> statement-breakpoint
-- flags_set events (0015's statement triggers on report_events) now also recompute their reports' pairs.
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
    PERFORM report_agency_facts_sync(array_agg(k.tenant_id), array_agg(k.report_id))
    FROM (SELECT o.tenant_id, o.report_id FROM unnest(olds) o UNION SELECT n.tenant_id, n.report_id FROM unnest(news) n) k;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Recounts one tenant's pairs (after a bulk load without the triggers; a repair).
CREATE OR REPLACE FUNCTION report_agency_facts_rebuild(t_id uuid) RETURNS void AS $$
BEGIN
  DELETE FROM report_agency_facts WHERE tenant_id = t_id;
  INSERT INTO report_agency_facts
  SELECT r.tenant_id, r.id, p.agency_id, r.created_at, p.v, coalesce(wb.wb, false), r.status::text, r.due_at,
    r.channel_type::text, r.kind::text, r.category_id, r.district_code, r.verified_at IS NOT NULL,
    r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed'), r.is_emergency,
    (extract(epoch FROM (r.first_response_at - r.created_at)) / 3600.0)::float8,
    (extract(epoch FROM (coalesce(r.closed_at, r.answered_at) - r.created_at)) / 3600.0)::float8,
    p.n, p.n_answered, p.n_on_time, p.n_returned, p.o[1], p.o[2:], p.fa[1], p.fa[2:], p.da[1], p.da[2:]
  FROM (
    SELECT d.report_id, d.agency_id, bool_or(d.status IN ('pending', 'in_progress', 'answered')) AS v, count(*)::int AS n,
      count(*) FILTER (WHERE d.status = 'answered')::int AS n_answered,
      count(*) FILTER (WHERE d.status = 'answered' AND (d.due_at IS NULL OR d.completed_at <= d.due_at))::int AS n_on_time,
      count(*) FILTER (WHERE d.status = 'returned')::int AS n_returned,
      coalesce(array_agg(d.due_at ORDER BY d.due_at) FILTER (WHERE d.status IN ('pending', 'in_progress') AND d.due_at IS NOT NULL),
        '{}') AS o,
      coalesce(array_agg(h.first ORDER BY h.first) FILTER (WHERE h.first IS NOT NULL), '{}') AS fa,
      coalesce(array_agg(h.done ORDER BY h.done) FILTER (WHERE d.status = 'answered' AND h.done IS NOT NULL), '{}') AS da
    FROM dispositions d CROSS JOIN LATERAL (SELECT (extract(epoch FROM (d.accepted_at - d.created_at)) / 3600.0)::float8 AS first,
      (extract(epoch FROM (d.completed_at - d.created_at)) / 3600.0)::float8 AS done) h
    WHERE d.tenant_id = t_id AND d.status <> 'cancelled'
    GROUP BY d.report_id, d.agency_id
  ) p
  JOIN reports r ON r.tenant_id = t_id AND r.id = p.report_id
  LEFT JOIN (
    SELECT DISTINCT ON (e.report_id) e.report_id, coalesce((e.data->'after'->>'whistleblowing')::boolean, false) AS wb
    FROM report_events e WHERE e.tenant_id = t_id AND e.type = 'flags_set' ORDER BY e.report_id, e.id DESC
  ) wb ON wb.report_id = p.report_id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT report_agency_facts_rebuild(id) FROM tenants;
