-- SIGAP Dasbor database on PostgreSQL, schema version 5: ../0005-quality-by-segment.sql.

DELETE FROM participant_flag
  WHERE kind = 'desil'
    AND participant_id IN (SELECT p.id FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
                           WHERE s.segment <> 'rentan');
INSERT INTO participant_flag (participant_id, kind, batch_id, line, detail)
  SELECT p.id, 'desil', coalesce (p.changed_batch, p.batch_id), p.changed_line, p.desil
  FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
  WHERE s.segment = 'rentan' AND p.desil >= 6
  ON CONFLICT DO NOTHING;

-- The notes counted like the participants (tally_desil), kept by the triggers below.
CREATE TABLE tally_flag (
  kelurahan_id BIGINT NOT NULL,
  segment      TEXT COLLATE "C" NOT NULL,
  kind         TEXT COLLATE "C" NOT NULL,
  month        TEXT COLLATE "C" NOT NULL,
  registered   BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (kelurahan_id, segment, kind, month)
);

INSERT INTO tally_flag (kelurahan_id, segment, kind, month, registered)
  SELECT p.kelurahan_id, s.segment, f.kind, substr (p.registered_on, 1, 7), count (*)
  FROM participant_flag AS f
  JOIN participant AS p ON p.id = f.participant_id
  JOIN sector AS s ON s.id = p.sector_id
  GROUP BY 1, 2, 3, 4;

CREATE FUNCTION participant_flag_tally_insert () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tally_flag AS t (kelurahan_id, segment, kind, month, registered)
    SELECT p.kelurahan_id, s.segment, NEW.kind, substr (p.registered_on, 1, 7), 1
    FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
    WHERE p.id = NEW.participant_id
    ON CONFLICT (kelurahan_id, segment, kind, month) DO UPDATE SET registered = t.registered + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_flag_tally_insert AFTER INSERT ON participant_flag
  FOR EACH ROW EXECUTE FUNCTION participant_flag_tally_insert ();

-- When a participant is deleted, participant_flag_tally_forget has already counted its notes
-- out, and the cascade that deletes them finds no participant here.
CREATE FUNCTION participant_flag_tally_delete () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tally_flag SET registered = registered - 1
    WHERE (kelurahan_id, segment, kind, month) IN
          (SELECT p.kelurahan_id, s.segment, OLD.kind, substr (p.registered_on, 1, 7)
           FROM participant AS p JOIN sector AS s ON s.id = p.sector_id
           WHERE p.id = OLD.participant_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_flag_tally_delete AFTER DELETE ON participant_flag
  FOR EACH ROW EXECUTE FUNCTION participant_flag_tally_delete ();

CREATE FUNCTION participant_flag_tally_forget () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tally_flag SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND month = substr (OLD.registered_on, 1, 7)
      AND kind IN (SELECT kind FROM participant_flag WHERE participant_id = OLD.id);
  RETURN OLD;
END
$$;
CREATE TRIGGER participant_flag_tally_forget BEFORE DELETE ON participant
  FOR EACH ROW EXECUTE FUNCTION participant_flag_tally_forget ();

CREATE FUNCTION participant_flag_tally_move () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tally_flag SET registered = registered - 1
    WHERE kelurahan_id = OLD.kelurahan_id
      AND segment = (SELECT segment FROM sector WHERE id = OLD.sector_id)
      AND month = substr (OLD.registered_on, 1, 7)
      AND kind IN (SELECT kind FROM participant_flag WHERE participant_id = OLD.id);
  INSERT INTO tally_flag AS t (kelurahan_id, segment, kind, month, registered)
    SELECT NEW.kelurahan_id, s.segment, f.kind, substr (NEW.registered_on, 1, 7), 1
    FROM participant_flag AS f JOIN sector AS s ON s.id = NEW.sector_id
    WHERE f.participant_id = NEW.id
    ON CONFLICT (kelurahan_id, segment, kind, month) DO UPDATE SET registered = t.registered + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER participant_flag_tally_move
  AFTER UPDATE OF kelurahan_id, sector_id, registered_on ON participant
  FOR EACH ROW
  WHEN (OLD.kelurahan_id IS DISTINCT FROM NEW.kelurahan_id OR OLD.sector_id IS DISTINCT FROM NEW.sector_id
        OR substr (OLD.registered_on, 1, 7) IS DISTINCT FROM substr (NEW.registered_on, 1, 7))
  EXECUTE FUNCTION participant_flag_tally_move ();

GRANT SELECT ON tally_flag TO sigap_viewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON tally_flag TO sigap_operator, sigap_admin;
