-- SIGAP Dasbor database on PostgreSQL, schema version 7: ../0007-imported-by.sql.

-- The role that made the import: the app writes current_user itself; NULL for older batches
-- and the demo.
ALTER TABLE import_batch ADD COLUMN imported_by TEXT COLLATE "C";
