-- Reserved for session 5 work (replaced by its change, or left as a no-op).
SELECT 1;
