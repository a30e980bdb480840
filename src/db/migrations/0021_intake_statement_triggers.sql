-- Intake cost per report (issue 4): the dashboard deltas of a reports INSERT are written by one
-- statement-level trigger per INSERT statement (a transition table of the new rows) instead of a
-- row trigger per report. The intake opens up to 200 reports in one INSERT: one grouped insert
-- into report_stats_delta (one row per tenant-local day x counted dimensions, the counts summed:
-- readers sum the deltas, so the figures are the same) instead of 200 single-row inserts.
-- UPDATE and DELETE keep the row triggers and functions of 0009/0019 unchanged
-- (report_stats_track, report_hours_track, report_stats_add, report_hours_add).
-- report_stats_insert repeats report_stats_add's mapping (0009) for a set of rows: a change there
-- must be made here too. report_hours_insert calls report_hours_add (0019) for the rows that have
-- a duration (none from the intake), so it follows any change of that function.
DROP TRIGGER IF EXISTS report_stats_track ON reports;
--> statement-breakpoint
CREATE TRIGGER report_stats_track AFTER UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_stats_track();
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_hours_track ON reports;
--> statement-breakpoint
CREATE TRIGGER report_hours_track AFTER UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_hours_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_stats_insert() RETURNS trigger AS $$
BEGIN
  -- A tenant being deleted (no time zone) is skipped, as in report_stats_add.
  INSERT INTO report_stats_delta (tenant_id, day, channel_type, kind, status, category_id, district_code,
      received, verified, answered, emergency)
  SELECT r.tenant_id, (r.created_at AT TIME ZONE t.time_zone)::date, r.channel_type::text, r.kind::text, r.status::text,
    r.category_id, r.district_code, count(*),
    count(*) FILTER (WHERE r.verified_at IS NOT NULL),
    count(*) FILTER (WHERE r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed')),
    count(*) FILTER (WHERE r.is_emergency)
  FROM new_reports r JOIN tenants t ON t.id = r.tenant_id
  WHERE t.time_zone IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_stats_insert AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION report_stats_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_hours_insert() RETURNS trigger AS $$
BEGIN
  PERFORM report_hours_add(r::reports, 1) FROM new_reports r
  WHERE r.first_response_at IS NOT NULL OR coalesce(r.closed_at, r.answered_at) IS NOT NULL;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_hours_insert AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION report_hours_insert();
