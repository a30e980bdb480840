-- 0009_dashboard_rollup: reserved; filled by the work that needs it.
SELECT 1;
