-- 0011_report_card: reserved; filled by the work that needs it.
SELECT 1;
