-- Monthly report card (docs/REPORT-CARD.md): one row per tenant and month whose card was e-mailed
-- to the leaders; the primary key makes the scheduled send happen once per month.
CREATE TABLE "report_card_runs" (
	"tenant_id" uuid NOT NULL,
	"month" text NOT NULL,
	"recipients" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_card_runs_tenant_id_month_pk" PRIMARY KEY("tenant_id","month"),
	CONSTRAINT "report_card_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE cascade
);
