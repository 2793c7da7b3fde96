-- SIGAP Dasbor database, schema version 3: what the CSV importer keeps beyond schema 1.

-- The header line as read, the separator and the encoding: with import_reject.raw, enough to
-- write the rejected lines back out as a CSV the office can fix and import again.
-- ignored_columns is a JSON array of the header names that matched no known column.
ALTER TABLE import_batch ADD COLUMN header TEXT;
ALTER TABLE import_batch ADD COLUMN separator TEXT;
ALTER TABLE import_batch ADD COLUMN encoding TEXT;
ALTER TABLE import_batch ADD COLUMN ignored_columns TEXT;

-- Finds an earlier import of the same file.
CREATE INDEX import_batch_checksum ON import_batch (kind, checksum);

-- Data-quality notes on accepted participants: not errors, but worth a look. One row per
-- participant and kind, rewritten whenever an import adds or changes the participant; batch_id
-- and line say where the data came from, detail is the value that raised the note (a desil, a
-- NIK region, an age), not a sentence: the window words it. One index only, for the counts and
-- lists by kind: a list without KPJ numbers notes every line, and each index costs a write.
--   desil        desil 6..10, outside the programme's target
--   nik-region   the NIK was first issued outside Kota Bekasi (32.75)
--   kpj-missing  no BPJS Ketenagakerjaan participant number (KPJ)
--   age          younger than 15 or older than 65 when registered
CREATE TABLE participant_flag (
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('desil', 'nik-region', 'kpj-missing', 'age')),
  batch_id       INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
  line           INTEGER,
  detail         TEXT,
  PRIMARY KEY (participant_id, kind)
) WITHOUT ROWID;
CREATE INDEX participant_flag_kind ON participant_flag (kind, participant_id);
