-- 0012_intake_ops: reserved; filled by the work that needs it.
SELECT 1;
