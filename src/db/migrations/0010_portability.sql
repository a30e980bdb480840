-- 0010_portability: reserved; filled by the work that needs it.
SELECT 1;
