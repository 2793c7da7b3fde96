-- SIGAP Dasbor database, schema version 5: data-quality notes follow the segment's rules and
-- are counted for a filter.

-- Desil 6..10 is a data-quality note only for the pekerja rentan, the one means-tested segment
-- (sigap_participant_flags_compute ()): the city's ekosistem workers (non-ASN, RT/RW, kader)
-- are enrolled for their role, whatever their desil. Notes written under the earlier rule are
-- re-evaluated: those on ekosistem workers go, and a rentan worker at desil 6..10 has one.
DELETE FROM participant_flag
  WHERE kind = 'desil'
    AND participant_id IN (SELECT p.id FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
                           WHERE s.segment <> 'rentan');
INSERT OR IGNORE INTO participant_flag (participant_id, kind, batch_id, line, detail)
  SELECT p.id, 'desil', ifnull (p.changed_batch, p.batch_id), p.changed_line, p.desil
  FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
  WHERE s.segment = 'rentan' AND p.desil >= 6;

-- The notes counted like the participants (tally_desil): per kelurahan, segment, kind and
-- month of registration, so that the counts of a filter (the participants registered on or
-- before the as-of date in a scope and segment) read a few thousand rows at 3 million
-- participants. Kept by the triggers below, for every write to participant_flag and every
-- change of a noted participant's kelurahan, sector or registration date.
CREATE TABLE tally_flag (
  kelurahan_id INTEGER NOT NULL,
  segment      TEXT NOT NULL,
  kind         TEXT NOT NULL,
  month        TEXT NOT NULL,
  registered   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kelurahan_id, segment, kind, month)
) WITHOUT ROWID;

INSERT INTO tally_flag (kelurahan_id, segment, kind, month, registered)
  SELECT p.kelurahan_id, s.segment, f.kind, substr (p.registered_on, 1, 7), count (*)
  FROM participant_flag AS f
  JOIN participant AS p ON p.id = f.participant_id
  JOIN sector AS s ON s.id = p.sector_id
  GROUP BY 1, 2, 3, 4;

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
