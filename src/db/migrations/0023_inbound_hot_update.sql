-- Intake cost on the webhook path (issue 4): marking an inbound event processed becomes a HOT
-- update (no index touched, the new version on the same heap page).
-- * inbound_events_status_idx goes: no reader used it but the orphan backfill, which now reads
--   by received_at (an index the update never changes).
-- * the dead-letter index reads last_error instead of status: every 'dead' or 'failed' row has
--   an error (recordInboundFailure, the ingest's parse failure), and the processed update leaves
--   a null last_error null, so it changes no indexed column.
-- * fillfactor 50: room on each page for the processed version of the rows the webhook path
--   wrote there (a row is mostly its raw body; without room the update moves to another page and
--   writes every index again). Only pages written from now on follow it.
-- The webhook path's insert writes one index fewer; the worker's update no longer touches the
-- index pages the webhook path is appending to.
DROP INDEX IF EXISTS inbound_events_status_idx;
--> statement-breakpoint
DROP INDEX IF EXISTS inbound_events_dead_idx;
--> statement-breakpoint
CREATE INDEX inbound_events_dead_idx ON inbound_events (tenant_id, id) WHERE last_error IS NOT NULL;
--> statement-breakpoint
CREATE INDEX inbound_events_received_idx ON inbound_events (received_at);
--> statement-breakpoint
ALTER TABLE inbound_events SET (fillfactor = 50);
