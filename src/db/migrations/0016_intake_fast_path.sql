-- Intake fast path (issue 4). Two lookups the intake does per message had no index:
-- a sender's conversation by identity (was a scan of the tenant's conversations), and a lane's
-- ready jobs by queue (the outbox lane walked past every ready inbound job of lower priority).
CREATE INDEX IF NOT EXISTS "conversations_identity_idx" ON "conversations" USING btree ("tenant_id","identity_id","channel_account_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_queue_ready_idx" ON "jobs" USING btree ("queue","priority","run_at","id") WHERE "status" in ('queued', 'failed');
