-- Extensions every later migration may rely on. PGlite must be opened with the same set (src/db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
