-- Intake cost per report (issue 4): three of the reports indexes that every INSERT wrote, without
-- a reader that needs them in that form.
-- * reports_district_idx (tenant_id, district_code, created_at) is the key of
--   reports_dashboard_district_idx (0006), which only adds INCLUDE columns: every query it served,
--   the covering index serves.
-- * reports_master_idx: only a merged report has a master; lookups are by a given master id
--   (equality implies NOT NULL, so the partial index serves them), and a new report writes nothing.
-- * reports_region_idx: reports without a region code (most of those that come by chat) write
--   nothing; a region filter (= code, or LIKE 'code.%') implies NOT NULL.
DROP INDEX IF EXISTS reports_district_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS reports_master_idx;
--> statement-breakpoint
CREATE INDEX reports_master_idx ON reports (tenant_id, master_report_id) WHERE master_report_id IS NOT NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS reports_region_idx;
--> statement-breakpoint
CREATE INDEX reports_region_idx ON reports (tenant_id, region_code) WHERE region_code IS NOT NULL;
