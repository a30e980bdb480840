-- The last dashboard cases over 150 ms on 1,000,000 reports (bench/dashboard/README.md, session 6).
-- 1. The scoreboard with a kecamatan or a channel + kind filter (src/analytics/agency-facts.ts):
--    0017's indexes of the (report, agency) pairs by kecamatan and by channel + kind are now
--    ordered by agency after the filter columns, so the reader takes one contiguous range per
--    agency (a lateral join over the tenant's agencies) instead of sorting every pair of the period
--    by agency (~180,000 for channel + kind over 12 months). Same columns, same entries: a pair's
--    write costs what it cost with 0017's indexes. A channel or a kind alone reads one range per
--    agency and value of the other. A category index of the same shape is added (a category filter
--    read every pair of the period): one more index entry per pair write.
-- 2. The breakdowns with a channel + kind filter (src/analytics/rollup.ts): the rollup (0009, 0019)
--    gets the grouping sets (channel, kind, category) = gset 26 and (channel, kind, kecamatan) =
--    gset 25, folded by the same job. Nothing changes on the report's write path (the trigger
--    appends the same delta row); the fold has two grouping sets more.
DROP INDEX IF EXISTS "report_agency_facts_district_idx";
--> statement-breakpoint
CREATE INDEX "report_agency_facts_district_idx" ON "report_agency_facts" ("tenant_id", "district_code", "agency_id", "created_at")
  INCLUDE ("channel_type", "kind", "category_id", "n", "n_answered", "n_on_time", "n_returned", "open_due1", "first1", "done1");
--> statement-breakpoint
DROP INDEX IF EXISTS "report_agency_facts_channel_idx";
--> statement-breakpoint
CREATE INDEX "report_agency_facts_channel_idx" ON "report_agency_facts" ("tenant_id", "channel_type", "kind", "agency_id", "created_at")
  INCLUDE ("category_id", "district_code", "n", "n_answered", "n_on_time", "n_returned", "open_due1", "first1", "done1");
--> statement-breakpoint
-- The scoreboard with a category filter had no index of its own (it read every pair of the period:
-- ~0.2-0.3 s on the bench); now as the kecamatan one. One more index entry per pair write.
CREATE INDEX IF NOT EXISTS "report_agency_facts_category_idx" ON "report_agency_facts" ("tenant_id", "category_id", "agency_id", "created_at")
  INCLUDE ("channel_type", "kind", "district_code", "n", "n_answered", "n_on_time", "n_returned", "open_due1", "first1", "done1");
--> statement-breakpoint
-- The new grouping sets are counted from the reports below, so no delta may be pending or folded
-- meanwhile: the fold and the report writers (which append deltas) wait until this transaction
-- commits. Fold what is pending with 0019's function first.
LOCK TABLE "report_stats_delta", "report_daily_stats" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
SELECT report_daily_stats_compact();
--> statement-breakpoint
-- 0019's fold with (channel_type, kind, category_id) and (channel_type, kind, district_code).
CREATE OR REPLACE FUNCTION report_daily_stats_compact() RETURNS bigint AS $$
DECLARE
  n bigint;
BEGIN
  WITH gone AS (DELETE FROM report_stats_delta RETURNING *),
  m AS (
    SELECT d.tenant_id, g.grain, CASE WHEN g.grain = 'month' THEN d.day - (extract(day FROM d.day)::int - 1) ELSE d.day END AS day,
      d.channel_type, d.kind, d.status, d.category_id, d.district_code, d.received, d.verified, d.answered, d.emergency
    FROM gone d CROSS JOIN (VALUES ('day'), ('month')) AS g(grain)
  ),
  agg AS (
    SELECT tenant_id, (31 - grouping(channel_type, kind, status, category_id, district_code))::smallint AS gset, grain, day,
      channel_type, kind, status, category_id, district_code,
      sum(received)::int AS received, sum(verified)::int AS verified, sum(answered)::int AS answered, sum(emergency)::int AS emergency
    FROM m
    GROUP BY tenant_id, grain, day, GROUPING SETS ((), (channel_type), (kind), (status), (category_id), (district_code),
      (channel_type, kind), (channel_type, status), (channel_type, category_id), (channel_type, district_code),
      (kind, status), (kind, category_id), (kind, district_code),
      (status, category_id), (status, district_code), (category_id, district_code),
      (channel_type, kind, status), (channel_type, kind, category_id), (channel_type, kind, district_code))
  ),
  up AS (
    INSERT INTO report_daily_stats AS s (tenant_id, gset, grain, day, channel_type, kind, status, category_id, district_code,
        received, verified, answered, emergency)
    SELECT * FROM agg
    ON CONFLICT (tenant_id, gset, grain, day, channel_type, kind, status, category_id, district_code) DO UPDATE
      SET received = s.received + excluded.received, verified = s.verified + excluded.verified,
        answered = s.answered + excluded.answered, emergency = s.emergency + excluded.emergency
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM up) INTO n;
  RETURN n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The two new sets counted from the reports (by the tenant's local day, as 0009's trigger keys
-- them), day and month rows; nothing is pending (folded above, writers wait).
DELETE FROM report_daily_stats WHERE gset IN (25, 26);
--> statement-breakpoint
INSERT INTO report_daily_stats (tenant_id, gset, grain, day, channel_type, kind, status, category_id, district_code,
    received, verified, answered, emergency)
SELECT x.tenant_id, (CASE WHEN grouping(x.category_id) = 0 THEN 26 ELSE 25 END)::smallint, g.grain, g.day,
  x.channel_type, x.kind, NULL, x.category_id, x.district_code,
  sum(x.received)::int, sum(x.verified)::int, sum(x.answered)::int, sum(x.emergency)::int
FROM (
  SELECT r.tenant_id, (r.created_at AT TIME ZONE t.time_zone)::date AS day, r.channel_type::text AS channel_type, r.kind::text AS kind,
    r.category_id, r.district_code, count(*) AS received, count(r.verified_at) AS verified,
    count(*) FILTER (WHERE r.answered_at IS NOT NULL OR r.status::text IN ('answered', 'closed')) AS answered,
    count(*) FILTER (WHERE r.is_emergency) AS emergency
  FROM reports r JOIN tenants t ON t.id = r.tenant_id
  GROUP BY 1, 2, 3, 4, 5, 6
) x CROSS JOIN LATERAL (VALUES ('day', x.day), ('month', x.day - (extract(day FROM x.day)::int - 1))) AS g(grain, day)
GROUP BY x.tenant_id, g.grain, g.day, GROUPING SETS ((x.channel_type, x.kind, x.category_id), (x.channel_type, x.kind, x.district_code));
