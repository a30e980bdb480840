-- A number reserved for intake work in session 5 and left unused: a no-op, kept because databases recorded it.
SELECT 1;
