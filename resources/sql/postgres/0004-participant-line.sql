-- SIGAP Dasbor database on PostgreSQL, schema version 4: ../0004-participant-line.sql.

ALTER TABLE participant ADD COLUMN changed_batch BIGINT REFERENCES import_batch (id);
ALTER TABLE participant ADD COLUMN changed_line BIGINT;
