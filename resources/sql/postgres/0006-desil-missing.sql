-- SIGAP Dasbor database on PostgreSQL, schema version 6: ../0006-desil-missing.sql.

-- PostgreSQL changes a CHECK constraint in place: the one participant_flag got from its
-- column definition in 0003 has the default name participant_flag_kind_check.
ALTER TABLE participant_flag
  DROP CONSTRAINT participant_flag_kind_check,
  ADD CONSTRAINT participant_flag_kind_check
    CHECK (kind IN ('desil', 'desil-missing', 'nik-region', 'kpj-missing', 'age'));

-- The rentan workers stored without a desil get their note, counted by the insert trigger.
INSERT INTO participant_flag (participant_id, kind, batch_id, line, detail)
  SELECT p.id, 'desil-missing', coalesce (p.changed_batch, p.batch_id), p.changed_line, NULL
  FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
  WHERE s.segment = 'rentan' AND p.desil IS NULL
  ON CONFLICT DO NOTHING;
