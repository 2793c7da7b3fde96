-- SIGAP Dasbor database, schema version 7: who made each import.

-- The operating-system user name of whoever ran the import (on PostgreSQL the database role,
-- current_user). NULL for the batches made before this version and for the demo.
ALTER TABLE import_batch ADD COLUMN imported_by TEXT;
