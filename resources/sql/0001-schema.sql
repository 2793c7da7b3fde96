-- SIGAP Dasbor database, schema version 1.
-- Money is an integer number of Rupiah; dates are ISO 'YYYY-MM-DD' text; months 'YYYY-MM'.

CREATE TABLE sigap_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Kota, kecamatan and kelurahan with Kemendagri codes ('32.75', '32.75.01', '32.75.01.1001').
CREATE TABLE region (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  level     TEXT NOT NULL CHECK (level IN ('kota', 'kecamatan', 'kelurahan')),
  name      TEXT NOT NULL,
  parent_id INTEGER REFERENCES region (id),
  bps_code  TEXT,
  latitude  REAL,
  longitude REAL
);
CREATE INDEX region_parent ON region (parent_id);

CREATE TABLE region_alias (
  region_id INTEGER NOT NULL REFERENCES region (id),
  alias     TEXT NOT NULL,
  PRIMARY KEY (region_id, alias)
) WITHOUT ROWID;

CREATE TABLE segment (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

-- A sector belongs to exactly one segment; a participant's segment is its sector's.
CREATE TABLE sector (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  segment    TEXT NOT NULL REFERENCES segment (code),
  sort_order INTEGER NOT NULL
);

CREATE TABLE sector_alias (
  sector_id INTEGER NOT NULL REFERENCES sector (id),
  alias     TEXT NOT NULL,
  PRIMARY KEY (sector_id, alias)
) WITHOUT ROWID;

-- BPU contributions as dated rows: the rate in force on D is the latest valid_from <= D per program.
CREATE TABLE premium_rate (
  id         INTEGER PRIMARY KEY,
  valid_from TEXT NOT NULL,
  program    TEXT NOT NULL CHECK (program IN ('JKK', 'JKM')),
  basis      TEXT NOT NULL,
  monthly    INTEGER NOT NULL CHECK (monthly >= 0),
  note       TEXT,
  UNIQUE (valid_from, program)
);

CREATE TABLE import_batch (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('participants', 'targets', 'budget', 'payments', 'demo')),
  file_name      TEXT NOT NULL,
  checksum       TEXT NOT NULL,
  imported_at    TEXT NOT NULL,
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_added     INTEGER NOT NULL DEFAULT 0,
  rows_updated   INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected  INTEGER NOT NULL DEFAULT 0,
  rows_flagged   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_reject (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  line        INTEGER NOT NULL,
  column_name TEXT,
  reason      TEXT NOT NULL,
  raw         TEXT NOT NULL
);
CREATE INDEX import_reject_batch ON import_reject (batch_id, line);

CREATE TABLE participant (
  id             INTEGER PRIMARY KEY,
  nik            TEXT NOT NULL UNIQUE CHECK (length (nik) = 16),
  name           TEXT NOT NULL,
  kelurahan_id   INTEGER NOT NULL REFERENCES region (id),
  sector_id      INTEGER NOT NULL REFERENCES sector (id),
  desil          INTEGER CHECK (desil BETWEEN 1 AND 10),
  sex            TEXT CHECK (sex IN ('L', 'P')),
  birth_date     TEXT,
  registered_on  TEXT NOT NULL,
  ended_on       TEXT CHECK (ended_on IS NULL OR ended_on >= registered_on),
  end_reason     TEXT,
  kpj_number     TEXT,
  source         TEXT,
  funding_source TEXT NOT NULL DEFAULT 'APBD',
  batch_id       INTEGER REFERENCES import_batch (id)
);
-- Covering indexes: the part of the as-of month that the monthly tallies cannot answer.
CREATE INDEX participant_registered ON participant (registered_on, kelurahan_id, sector_id, desil);
CREATE INDEX participant_ended ON participant (ended_on, kelurahan_id, sector_id, desil)
  WHERE ended_on IS NOT NULL;
CREATE INDEX participant_kelurahan ON participant (kelurahan_id, name);

-- Monthly tallies of registrations and endings, kept by the triggers below, so that figures
-- at 3 million participants read a few thousand rows instead of every participant.
CREATE TABLE tally_sector (
  kelurahan_id INTEGER NOT NULL,
  sector_id    INTEGER NOT NULL,
  month        TEXT NOT NULL,
  registered   INTEGER NOT NULL DEFAULT 0,
  ended        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kelurahan_id, sector_id, month)
) WITHOUT ROWID;

-- By segment rather than sector, which keeps it as small as tally_sector; desil 0 stands for
-- "unknown".
CREATE TABLE tally_desil (
  kelurahan_id INTEGER NOT NULL,
  segment      TEXT NOT NULL,
  desil        INTEGER NOT NULL,
  month        TEXT NOT NULL,
  registered   INTEGER NOT NULL DEFAULT 0,
  ended        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kelurahan_id, segment, desil, month)
) WITHOUT ROWID;

CREATE TRIGGER participant_tally_insert AFTER INSERT ON participant
BEGIN
  INSERT INTO tally_sector (kelurahan_id, sector_id, month, registered)
    VALUES (NEW.kelurahan_id, NEW.sector_id, substr (NEW.registered_on, 1, 7), 1)
    ON CONFLICT DO UPDATE SET registered = registered + 1;
  INSERT INTO tally_sector (kelurahan_id, sector_id, month, ended)
    SELECT NEW.kelurahan_id, NEW.sector_id, substr (NEW.ended_on, 1, 7), 1
    WHERE NEW.ended_on IS NOT NULL
    ON CONFLICT DO UPDATE SET ended = ended + 1;
  INSERT INTO tally_desil (kelurahan_id, segment, desil, month, registered)
    SELECT NEW.kelurahan_id, segment, ifnull (NEW.desil, 0), substr (NEW.registered_on, 1, 7), 1
    FROM sector WHERE id = NEW.sector_id
    ON CONFLICT DO UPDATE SET registered = registered + 1;
  INSERT INTO tally_desil (kelurahan_id, segment, desil, month, ended)
    SELECT NEW.kelurahan_id, segment, ifnull (NEW.desil, 0), substr (NEW.ended_on, 1, 7), 1
    FROM sector WHERE id = NEW.sector_id AND NEW.ended_on IS NOT NULL
    ON CONFLICT DO UPDATE SET ended = ended + 1;
END;

CREATE TRIGGER participant_tally_delete AFTER DELETE ON participant
BEGIN
  UPDATE tally_sector SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id AND sector_id = OLD.sector_id
      AND month = substr (OLD.registered_on, 1, 7);
  UPDATE tally_sector SET ended = ended - 1
    WHERE OLD.ended_on IS NOT NULL AND kelurahan_id = OLD.kelurahan_id
      AND sector_id = OLD.sector_id AND month = substr (OLD.ended_on, 1, 7);
  UPDATE tally_desil SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND desil = ifnull (OLD.desil, 0) AND month = substr (OLD.registered_on, 1, 7);
  UPDATE tally_desil SET ended = ended - 1
    WHERE OLD.ended_on IS NOT NULL AND kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND desil = ifnull (OLD.desil, 0) AND month = substr (OLD.ended_on, 1, 7);
END;

-- An update is a delete of the old row's tallies followed by an insert of the new row's.
CREATE TRIGGER participant_tally_update
AFTER UPDATE OF kelurahan_id, sector_id, desil, registered_on, ended_on ON participant
BEGIN
  UPDATE tally_sector SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id AND sector_id = OLD.sector_id
      AND month = substr (OLD.registered_on, 1, 7);
  UPDATE tally_sector SET ended = ended - 1
    WHERE OLD.ended_on IS NOT NULL AND kelurahan_id = OLD.kelurahan_id
      AND sector_id = OLD.sector_id AND month = substr (OLD.ended_on, 1, 7);
  UPDATE tally_desil SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND desil = ifnull (OLD.desil, 0) AND month = substr (OLD.registered_on, 1, 7);
  UPDATE tally_desil SET ended = ended - 1
    WHERE OLD.ended_on IS NOT NULL AND kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND desil = ifnull (OLD.desil, 0) AND month = substr (OLD.ended_on, 1, 7);
  INSERT INTO tally_sector (kelurahan_id, sector_id, month, registered)
    VALUES (NEW.kelurahan_id, NEW.sector_id, substr (NEW.registered_on, 1, 7), 1)
    ON CONFLICT DO UPDATE SET registered = registered + 1;
  INSERT INTO tally_sector (kelurahan_id, sector_id, month, ended)
    SELECT NEW.kelurahan_id, NEW.sector_id, substr (NEW.ended_on, 1, 7), 1
    WHERE NEW.ended_on IS NOT NULL
    ON CONFLICT DO UPDATE SET ended = ended + 1;
  INSERT INTO tally_desil (kelurahan_id, segment, desil, month, registered)
    SELECT NEW.kelurahan_id, segment, ifnull (NEW.desil, 0), substr (NEW.registered_on, 1, 7), 1
    FROM sector WHERE id = NEW.sector_id
    ON CONFLICT DO UPDATE SET registered = registered + 1;
  INSERT INTO tally_desil (kelurahan_id, segment, desil, month, ended)
    SELECT NEW.kelurahan_id, segment, ifnull (NEW.desil, 0), substr (NEW.ended_on, 1, 7), 1
    FROM sector WHERE id = NEW.sector_id AND NEW.ended_on IS NOT NULL
    ON CONFLICT DO UPDATE SET ended = ended + 1;
END;

-- Sasaran. A row with sector_id NULL is the target of the whole segment in that region.
CREATE TABLE target (
  id        INTEGER PRIMARY KEY,
  year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  region_id INTEGER NOT NULL REFERENCES region (id),
  segment   TEXT NOT NULL REFERENCES segment (code),
  sector_id INTEGER REFERENCES sector (id),
  count     INTEGER NOT NULL CHECK (count >= 0),
  batch_id  INTEGER REFERENCES import_batch (id)
);
CREATE UNIQUE INDEX target_key ON target (year, segment, region_id, ifnull (sector_id, 0));

-- Pagu.
CREATE TABLE budget (
  id             INTEGER PRIMARY KEY,
  year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  segment        TEXT NOT NULL REFERENCES segment (code),
  funding_source TEXT NOT NULL,
  pagu           INTEGER NOT NULL CHECK (pagu >= 0),
  note           TEXT,
  batch_id       INTEGER REFERENCES import_batch (id),
  UNIQUE (year, segment, funding_source)
);

-- Realisasi: one row per SP2D. The period is whole months: first day of the first month to the
-- last day of the last month.
CREATE TABLE payment (
  id             INTEGER PRIMARY KEY,
  paid_on        TEXT NOT NULL,
  sp2d_number    TEXT NOT NULL UNIQUE,
  segment        TEXT NOT NULL REFERENCES segment (code),
  funding_source TEXT NOT NULL,
  period_start   TEXT NOT NULL,
  period_end     TEXT NOT NULL CHECK (period_end >= period_start),
  participants   INTEGER NOT NULL CHECK (participants >= 0),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  batch_id       INTEGER REFERENCES import_batch (id)
);
CREATE INDEX payment_paid ON payment (segment, paid_on);
