-- 0012_intake_ops: operators linking a person's identities across channels (docs/CHANNELS.md).
-- contact_link_events: the audit trail of every link and unlink (ids and counts only).
CREATE TABLE "contact_link_events" (
	"tenant_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"action" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"other_contact_id" uuid NOT NULL,
	"identity_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moved" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_link_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contact_link_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX "contact_link_events_contact_idx" ON "contact_link_events" USING btree ("tenant_id","contact_id");
--> statement-breakpoint
CREATE INDEX "contact_link_events_other_idx" ON "contact_link_events" USING btree ("tenant_id","other_contact_id");
--> statement-breakpoint
-- Dead letters are listed per tenant and status, newest first.
CREATE INDEX "inbound_events_dead_idx" ON "inbound_events" USING btree ("tenant_id","id") WHERE "status" IN ('dead', 'failed');
