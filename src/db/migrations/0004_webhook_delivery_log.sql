-- Outgoing webhooks: every delivery attempt is logged on its delivery row, and the per-report
-- delivery chains (subscription x report, in event order) find their next pending row by index.
ALTER TABLE "webhook_deliveries" ADD COLUMN "attempt_log" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "event_type" text DEFAULT '' NOT NULL;
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_chain_idx" ON "webhook_deliveries" USING btree ("tenant_id","subscription_id","report_id","id") WHERE "status" IN ('queued', 'failed', 'dead');
--> statement-breakpoint
CREATE INDEX "webhook_deliveries_log_idx" ON "webhook_deliveries" USING btree ("tenant_id","subscription_id","id");
