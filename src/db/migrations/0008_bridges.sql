-- SP4N-LAPOR! bridge and 112 hand-off (docs/BRIDGES.md).
-- lapor_links: one row per report known to LAPOR! (forwarded from here, or dispatched from there).
-- The primary key makes a report forwardable once; the unique LAPOR! id makes a dispatch open one report.
CREATE TABLE "lapor_links" (
	"tenant_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"lapor_id" text,
	"idempotency_key" text NOT NULL,
	"lapor_status" text,
	"pushed_status" text,
	"last_pulled_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lapor_links_tenant_id_report_id_pk" PRIMARY KEY("tenant_id","report_id"),
	CONSTRAINT "lapor_links_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "reports"("tenant_id","id") ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX "lapor_links_lapor_id_idx" ON "lapor_links" USING btree ("tenant_id","lapor_id") WHERE "lapor_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "lapor_links_state_idx" ON "lapor_links" USING btree ("tenant_id","state");
--> statement-breakpoint
-- emergency_handoffs: a report handed to the tenant's 112 command centre; open until an agency acted.
CREATE TABLE "emergency_handoffs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"trigger" text NOT NULL,
	"centre_ref" text,
	"due_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"acted_at" timestamp with time zone,
	"acted_agency" text,
	"acted_note" text,
	"acted_by" uuid,
	"confirmed_via" text,
	"overdue_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_handoffs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "emergency_handoffs_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "reports"("tenant_id","id") ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX "emergency_handoffs_report_idx" ON "emergency_handoffs" USING btree ("tenant_id","report_id");
--> statement-breakpoint
CREATE INDEX "emergency_handoffs_open_idx" ON "emergency_handoffs" USING btree ("tenant_id","due_at") WHERE "acted_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "integration_log_recent_idx" ON "integration_log" USING btree ("tenant_id","system","created_at");
