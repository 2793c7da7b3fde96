-- SIGAP Dasbor database, schema version 9: nothing changes in an SQLite file.

-- On PostgreSQL this version makes the registration-date index carry the kelurahan, sector and
-- desil as included columns (postgres/0009-registered-include.sql), which builds faster after
-- a bulk load. SQLite has no included columns; its index keeps them as key columns. The
-- version number is shared by both engines, so this file only keeps SQLite's in step.
SELECT 1;
