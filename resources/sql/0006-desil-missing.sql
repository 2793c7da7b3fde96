-- SIGAP Dasbor database, schema version 6: a pekerja rentan without a desil is noted.

-- The rentan segment is means-tested (desil 1..5, DTSEN): a rentan worker whose list gave no
-- desil cannot be checked against the target, which is worth a look like a desil of 6..10
-- (sigap_participant_flags_compute ()). The note is the kind 'desil-missing', without detail.
--
-- SQLite changes no CHECK constraint in place, so participant_flag is made again by the
-- procedure SQLite documents for other kinds of table schema changes
-- (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table, copy the
-- rows, drop the old table, rename the new one, then create the indexes and triggers again,
-- all inside the migration's transaction. Foreign keys can stay on: no table refers to
-- participant_flag, so dropping it deletes no other row. The triggers of participant that
-- read participant_flag are dropped first and created again with it: a rename checks every
-- trigger of the schema, and these would name a table that is gone.
DROP TRIGGER participant_flag_tally_forget;
DROP TRIGGER participant_flag_tally_move;

CREATE TABLE participant_flag_new (
  participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('desil', 'desil-missing', 'nik-region',
                                               'kpj-missing', 'age')),
  batch_id       INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
  line           INTEGER,
  detail         TEXT,
  PRIMARY KEY (participant_id, kind)
) WITHOUT ROWID;

INSERT INTO participant_flag_new (participant_id, kind, batch_id, line, detail)
  SELECT participant_id, kind, batch_id, line, detail FROM participant_flag;

-- Its triggers (participant_flag_tally_insert, _delete) and its index go with it.
DROP TABLE participant_flag;
ALTER TABLE participant_flag_new RENAME TO participant_flag;

CREATE INDEX participant_flag_kind ON participant_flag (kind, participant_id);

CREATE TRIGGER participant_flag_tally_insert AFTER INSERT ON participant_flag
BEGIN
  INSERT INTO tally_flag (kelurahan_id, segment, kind, month, registered)
    SELECT p.kelurahan_id, s.segment, NEW.kind, substr (p.registered_on, 1, 7), 1
    FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
    WHERE p.id = NEW.participant_id
    ON CONFLICT DO UPDATE SET registered = registered + 1;
END;

-- When a participant is deleted, participant_flag_tally_forget has already counted its notes
-- out, and the cascade that deletes them finds no participant here.
CREATE TRIGGER participant_flag_tally_delete AFTER DELETE ON participant_flag
BEGIN
  UPDATE tally_flag SET registered = registered - 1
    WHERE (kelurahan_id, segment, kind, month) IN
          (SELECT p.kelurahan_id, s.segment, OLD.kind, substr (p.registered_on, 1, 7)
           FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
           WHERE p.id = OLD.participant_id);
END;

CREATE TRIGGER participant_flag_tally_forget BEFORE DELETE ON participant
BEGIN
  UPDATE tally_flag SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND month = substr (OLD.registered_on, 1, 7)
      AND kind IN (SELECT kind FROM participant_flag WHERE participant_id = OLD.id);
END;

CREATE TRIGGER participant_flag_tally_move
AFTER UPDATE OF kelurahan_id, sector_id, registered_on ON participant
WHEN OLD.kelurahan_id IS NOT NEW.kelurahan_id OR OLD.sector_id IS NOT NEW.sector_id
     OR substr (OLD.registered_on, 1, 7) IS NOT substr (NEW.registered_on, 1, 7)
BEGIN
  UPDATE tally_flag SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND month = substr (OLD.registered_on, 1, 7)
      AND kind IN (SELECT kind FROM participant_flag WHERE participant_id = OLD.id);
  INSERT INTO tally_flag (kelurahan_id, segment, kind, month, registered)
    SELECT NEW.kelurahan_id, s.segment, f.kind, substr (NEW.registered_on, 1, 7), 1
    FROM participant_flag AS f JOIN sector AS s ON s.id = NEW.sector_id
    WHERE f.participant_id = NEW.id
    ON CONFLICT DO UPDATE SET registered = registered + 1;
END;

-- The rentan workers stored without a desil get their note now, counted into tally_flag by
-- the insert trigger above; the source is the import that last wrote the participant.
INSERT INTO participant_flag (participant_id, kind, batch_id, line, detail)
  SELECT p.id, 'desil-missing', coalesce (p.changed_batch, p.batch_id), p.changed_line, NULL
  FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
  WHERE s.segment = 'rentan' AND p.desil IS NULL;
