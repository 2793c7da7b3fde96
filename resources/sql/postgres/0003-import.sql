-- SIGAP Dasbor database on PostgreSQL, schema version 3: ../0003-import.sql.

ALTER TABLE import_batch ADD COLUMN header TEXT COLLATE "C";
ALTER TABLE import_batch ADD COLUMN separator TEXT COLLATE "C";
ALTER TABLE import_batch ADD COLUMN encoding TEXT COLLATE "C";
ALTER TABLE import_batch ADD COLUMN ignored_columns TEXT COLLATE "C";

CREATE INDEX import_batch_checksum ON import_batch (kind, checksum);

-- Data-quality notes on accepted participants (see ../0003-import.sql).
CREATE TABLE participant_flag (
  participant_id BIGINT NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  kind           TEXT COLLATE "C" NOT NULL CHECK (kind IN ('desil', 'nik-region', 'kpj-missing', 'age')),
  batch_id       BIGINT REFERENCES import_batch (id) ON DELETE SET NULL,
  line           BIGINT,
  detail         TEXT COLLATE "C",
  PRIMARY KEY (participant_id, kind)
);
CREATE INDEX participant_flag_kind ON participant_flag (kind, participant_id);

-- The figures count the notes of the as-of month; the detail (part of a NIK) stays with the
-- operators.
GRANT SELECT (participant_id, kind) ON participant_flag TO sigap_viewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON participant_flag TO sigap_operator, sigap_admin;
