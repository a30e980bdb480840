-- 0010_portability: reporters' personal-data requests under UU PDP no. 27/2022 (docs/PORTABILITY.md),
-- and the one exception to report_events being append-only: an erasure may rewrite an event's data
-- (identity removed) inside a transaction that set aduan.pdp_erasure; rows are still never deleted,
-- and nothing else about an event may change.
CREATE TABLE "pdp_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"contact_id" uuid,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"executed_at" timestamp with time zone,
	"executed_by" uuid,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "pdp_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "pdp_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "pdp_requests_status_idx" ON "pdp_requests" USING btree ("tenant_id","status","due_at");
--> statement-breakpoint
CREATE INDEX "pdp_requests_report_idx" ON "pdp_requests" USING btree ("tenant_id","report_id");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('aduan.pdp_erasure', true) = 'on'
     AND NEW.tenant_id = OLD.tenant_id AND NEW.id = OLD.id AND NEW.report_id = OLD.report_id
     AND NEW.type = OLD.type AND NEW.created_at = OLD.created_at
     AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status IS NOT DISTINCT FROM OLD.to_status THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'report_events is append-only';
END;
$$ LANGUAGE plpgsql;
