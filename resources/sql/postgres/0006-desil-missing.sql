-- SIGAP Dasbor database on PostgreSQL, schema version 6: ../0006-desil-missing.sql.
-- Placeholder of issue 11's branch: the kind 'desil-missing' is allowed; the notes of the
-- stored participants come with issue 13's own migration.

ALTER TABLE participant_flag DROP CONSTRAINT participant_flag_kind_check;
ALTER TABLE participant_flag ADD CONSTRAINT participant_flag_kind_check
  CHECK (kind IN ('desil', 'desil-missing', 'nik-region', 'kpj-missing', 'age'));
