-- report_events is the audit log: rows are written once and never changed or removed.
CREATE OR REPLACE FUNCTION report_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'report_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER report_events_no_update BEFORE UPDATE OR DELETE ON report_events
  FOR EACH ROW EXECUTE FUNCTION report_events_append_only();
