-- Reserved placeholder (filled in by the session that owns it; a no-op until then).
SELECT 1;
