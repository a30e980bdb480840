-- Covering indexes for the leaders' dashboard (src/analytics): every panel filters reports of one
-- tenant by created_at and groups by a few narrow columns; with these INCLUDE lists PostgreSQL
-- answers from the index alone (index-only scan) instead of reading the wide report rows.
CREATE INDEX IF NOT EXISTS "reports_dashboard_idx" ON "reports" ("tenant_id", "created_at")
  INCLUDE ("channel_type", "kind", "status", "category_id", "district_code", "verified_at",
    "first_response_at", "answered_at", "closed_at", "due_at", "is_emergency");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "reports_dashboard_district_idx" ON "reports" ("tenant_id", "district_code", "created_at")
  INCLUDE ("channel_type", "kind", "status", "category_id", "verified_at",
    "first_response_at", "answered_at", "closed_at", "due_at", "is_emergency");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dispositions_dashboard_idx" ON "dispositions" ("tenant_id", "report_id")
  INCLUDE ("agency_id", "status", "created_at", "accepted_at", "completed_at", "due_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dispositions_agency_report_idx" ON "dispositions" ("tenant_id", "agency_id", "report_id");
