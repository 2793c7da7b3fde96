-- SIGAP Dasbor database, schema version 4.

-- The import batch and the line of its file that last added or changed the participant
-- (batch_id stays the batch that added it): where a record's values came from, and how the
-- importer finds a NIK repeated within one file without holding the file's NIKs in memory.
ALTER TABLE participant ADD COLUMN changed_batch INTEGER REFERENCES import_batch (id);
ALTER TABLE participant ADD COLUMN changed_line INTEGER;
