-- The leaders' dashboard (src/analytics). Every panel filters one tenant's reports by created_at
-- and groups by a few narrow columns; with these INCLUDE lists PostgreSQL answers from the index
-- alone (index-only scan) instead of reading the wide report rows.
CREATE INDEX IF NOT EXISTS "reports_dashboard_idx" ON "reports" ("tenant_id", "created_at")
  INCLUDE ("channel_type", "kind", "status", "category_id", "district_code", "verified_at",
    "first_response_at", "answered_at", "closed_at", "due_at", "is_emergency");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reports_dashboard_district_idx" ON "reports" ("tenant_id", "district_code", "created_at")
  INCLUDE ("channel_type", "kind", "status", "category_id", "verified_at",
    "first_response_at", "answered_at", "closed_at", "due_at", "is_emergency");
--> statement-breakpoint
-- The agency scoreboard counts dispositions of the reports received in the period: the report's
-- creation time, copied onto each disposition (it never changes), lets that be one range scan of
-- dispositions instead of one probe per report.
ALTER TABLE "dispositions" ADD COLUMN IF NOT EXISTS "report_created_at" timestamp with time zone;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dispositions_report_created_at() RETURNS trigger AS $$
BEGIN
  IF NEW.report_created_at IS NULL THEN
    SELECT r.created_at INTO NEW.report_created_at FROM reports r WHERE r.tenant_id = NEW.tenant_id AND r.id = NEW.report_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dispositions_report_created_at BEFORE INSERT ON dispositions
  FOR EACH ROW EXECUTE FUNCTION dispositions_report_created_at();
--> statement-breakpoint
UPDATE "dispositions" d SET "report_created_at" = r."created_at" FROM "reports" r
  WHERE r."tenant_id" = d."tenant_id" AND r."id" = d."report_id" AND d."report_created_at" IS NULL;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dispositions_dashboard_idx" ON "dispositions" ("tenant_id", "report_created_at")
  INCLUDE ("report_id", "agency_id", "status", "created_at", "accepted_at", "completed_at", "due_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dispositions_agency_report_idx" ON "dispositions" ("tenant_id", "agency_id", "report_created_at")
  INCLUDE ("report_id", "status");
