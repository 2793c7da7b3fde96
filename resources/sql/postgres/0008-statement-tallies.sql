-- SIGAP Dasbor database on PostgreSQL, schema version 8: the tallies counted once per
-- statement, from its transition tables, instead of once per row.
--
-- An import loads its lines through COPY into a staging table and writes them with a few
-- set-based statements (INSERT … SELECT, UPDATE … FROM); a row trigger would still run four
-- upserts for each of a million rows. These statement-level triggers count the same: for each
-- tally row, the number of rows the statement added to it (new rows, and the new values of an
-- update) less those it took away (deleted rows, and the old values of an update), in one
-- upsert per tally table. A tally key no row of the statement changes is not written. The
-- keys are written in order, so that two writers lock tally rows in the same order (and the
-- writers' advisory lock makes imports wait for each other anyway).
--
-- participant_flag_tally_forget (before a participant is deleted) and
-- participant_flag_tally_move (after an update that moves a participant) stay per row: they
-- run only for the rows they concern.

DROP TRIGGER participant_tally_insert ON participant;
DROP TRIGGER participant_tally_delete ON participant;
DROP TRIGGER participant_tally_update ON participant;
DROP FUNCTION participant_tally ();
DROP TRIGGER participant_flag_tally_insert ON participant_flag;
DROP TRIGGER participant_flag_tally_delete ON participant_flag;
DROP FUNCTION participant_flag_tally_insert ();
DROP FUNCTION participant_flag_tally_delete ();

-- One statement's changes, counted in one pass over its rows: by kelurahan, sector, desil
-- (0 for none) and month, what it added (new rows, and the new values of an update) less what
-- it took away (deleted rows, and the old values of an update); then one upsert into each
-- tally. PL/pgSQL sees the transition tables only in the trigger's own function, so each
-- event has its function.
CREATE FUNCTION participant_tally_inserted () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH c AS MATERIALIZED (
    SELECT n.kelurahan_id, n.sector_id, coalesce (n.desil, 0) AS desil, v.month,
           sum (v.registered) AS registered, sum (v.ended) AS ended
    FROM new_rows AS n
    CROSS JOIN LATERAL (VALUES (substr (n.registered_on, 1, 7), 1, 0),
                               (substr (n.ended_on, 1, 7), 0, 1)) AS v (month, registered, ended)
    WHERE v.month IS NOT NULL
    GROUP BY 1, 2, 3, 4
  ), by_sector AS (
    INSERT INTO tally_sector AS t (kelurahan_id, sector_id, month, registered, ended)
      SELECT kelurahan_id, sector_id, month, sum (registered), sum (ended)
      FROM c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (kelurahan_id, sector_id, month) DO UPDATE
        SET registered = t.registered + excluded.registered, ended = t.ended + excluded.ended
      RETURNING 1
  )
  INSERT INTO tally_desil AS t (kelurahan_id, segment, desil, month, registered, ended)
    SELECT c.kelurahan_id, s.segment, c.desil, c.month, sum (c.registered), sum (c.ended)
    FROM c JOIN sector AS s ON s.id = c.sector_id
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (kelurahan_id, segment, desil, month) DO UPDATE
      SET registered = t.registered + excluded.registered, ended = t.ended + excluded.ended;
  RETURN NULL;
END
$$;

CREATE FUNCTION participant_tally_deleted () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH c AS MATERIALIZED (
    SELECT o.kelurahan_id, o.sector_id, coalesce (o.desil, 0) AS desil, v.month,
           sum (v.registered) AS registered, sum (v.ended) AS ended
    FROM old_rows AS o
    CROSS JOIN LATERAL (VALUES (substr (o.registered_on, 1, 7), 1, 0),
                               (substr (o.ended_on, 1, 7), 0, 1)) AS v (month, registered, ended)
    WHERE v.month IS NOT NULL
    GROUP BY 1, 2, 3, 4
  ), by_sector AS (
    UPDATE tally_sector AS t
      SET registered = t.registered - d.registered, ended = t.ended - d.ended
      FROM (SELECT kelurahan_id, sector_id, month, sum (registered) AS registered,
                   sum (ended) AS ended
            FROM c GROUP BY 1, 2, 3) AS d
      WHERE t.kelurahan_id = d.kelurahan_id AND t.sector_id = d.sector_id
        AND t.month = d.month
      RETURNING 1
  )
  UPDATE tally_desil AS t
    SET registered = t.registered - d.registered, ended = t.ended - d.ended
    FROM (SELECT c.kelurahan_id, s.segment, c.desil, c.month, sum (c.registered) AS registered,
                 sum (c.ended) AS ended
          FROM c JOIN sector AS s ON s.id = c.sector_id
          GROUP BY 1, 2, 3, 4) AS d
    WHERE t.kelurahan_id = d.kelurahan_id AND t.segment = d.segment AND t.desil = d.desil
      AND t.month = d.month;
  RETURN NULL;
END
$$;

-- An update: its rows whose counted columns changed, the new values counted in and the old
-- ones out. (A trigger with transition tables cannot name columns, UPDATE OF …: it runs for
-- every update, and the rows whose counted values stayed add nothing.)
CREATE FUNCTION participant_tally_updated () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS MATERIALIZED (
    SELECT n.kelurahan_id, n.sector_id, n.desil, n.registered_on, n.ended_on, 1 AS sign
    FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
    WHERE (o.kelurahan_id, o.sector_id, o.desil, o.registered_on, o.ended_on)
          IS DISTINCT FROM (n.kelurahan_id, n.sector_id, n.desil, n.registered_on, n.ended_on)
    UNION ALL
    SELECT o.kelurahan_id, o.sector_id, o.desil, o.registered_on, o.ended_on, -1
    FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
    WHERE (o.kelurahan_id, o.sector_id, o.desil, o.registered_on, o.ended_on)
          IS DISTINCT FROM (n.kelurahan_id, n.sector_id, n.desil, n.registered_on, n.ended_on)
  ), c AS MATERIALIZED (
    SELECT r.kelurahan_id, r.sector_id, coalesce (r.desil, 0) AS desil, v.month,
           sum (v.registered) AS registered, sum (v.ended) AS ended
    FROM changed AS r
    CROSS JOIN LATERAL (VALUES (substr (r.registered_on, 1, 7), r.sign, 0),
                               (substr (r.ended_on, 1, 7), 0, r.sign))
                       AS v (month, registered, ended)
    WHERE v.month IS NOT NULL
    GROUP BY 1, 2, 3, 4
  ), by_sector AS (
    INSERT INTO tally_sector AS t (kelurahan_id, sector_id, month, registered, ended)
      SELECT kelurahan_id, sector_id, month, sum (registered), sum (ended)
      FROM c
      GROUP BY 1, 2, 3 HAVING sum (registered) <> 0 OR sum (ended) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (kelurahan_id, sector_id, month) DO UPDATE
        SET registered = t.registered + excluded.registered, ended = t.ended + excluded.ended
      RETURNING 1
  )
  INSERT INTO tally_desil AS t (kelurahan_id, segment, desil, month, registered, ended)
    SELECT c.kelurahan_id, s.segment, c.desil, c.month, sum (c.registered), sum (c.ended)
    FROM c JOIN sector AS s ON s.id = c.sector_id
    GROUP BY 1, 2, 3, 4 HAVING sum (c.registered) <> 0 OR sum (c.ended) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (kelurahan_id, segment, desil, month) DO UPDATE
      SET registered = t.registered + excluded.registered, ended = t.ended + excluded.ended;
  RETURN NULL;
END
$$;

CREATE TRIGGER participant_tally_insert AFTER INSERT ON participant
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_tally_inserted ();
CREATE TRIGGER participant_tally_delete AFTER DELETE ON participant
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_tally_deleted ();
CREATE TRIGGER participant_tally_update AFTER UPDATE ON participant
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_tally_updated ();

-- The notes: counted at their participant's place and month, as participant_flag_tally_insert
-- and _delete of 0005 did row by row. A note deleted with its participant (the cascade) finds
-- no participant here: participant_flag_tally_forget has counted it out already.
CREATE FUNCTION participant_flag_tally_inserted () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO tally_flag AS t (kelurahan_id, segment, kind, month, registered)
    SELECT p.kelurahan_id, s.segment, n.kind, substr (p.registered_on, 1, 7), count (*)
    FROM new_rows AS n
    JOIN participant AS p ON p.id = n.participant_id
    JOIN sector AS s ON s.id = p.sector_id
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (kelurahan_id, segment, kind, month) DO UPDATE
      SET registered = t.registered + excluded.registered;
  RETURN NULL;
END
$$;

CREATE FUNCTION participant_flag_tally_deleted () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tally_flag AS t SET registered = t.registered - d.registered
    FROM (SELECT p.kelurahan_id, s.segment, o.kind, substr (p.registered_on, 1, 7) AS month,
                 count (*) AS registered
          FROM old_rows AS o
          JOIN participant AS p ON p.id = o.participant_id
          JOIN sector AS s ON s.id = p.sector_id
          GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4) AS d
    WHERE t.kelurahan_id = d.kelurahan_id AND t.segment = d.segment AND t.kind = d.kind
      AND t.month = d.month;
  RETURN NULL;
END
$$;

CREATE TRIGGER participant_flag_tally_insert AFTER INSERT ON participant_flag
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_flag_tally_inserted ();
CREATE TRIGGER participant_flag_tally_delete AFTER DELETE ON participant_flag
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_flag_tally_deleted ();

-- The references of a participant (its kelurahan, sector and batches), checked once per
-- statement too. A foreign key checks each new row with a query of its own: four of them a
-- row, more than half the time of loading a million participants. These triggers check the
-- distinct keys of the statement's rows, which an import has a few dozen of, and lock the
-- rows they name FOR KEY SHARE as a foreign key does, so that they cannot go while the
-- transaction runs (as the schema's owner, like a foreign key); deleting a region, sector or batch that participants name is refused as
-- the foreign key refused it. (SQLite keeps its foreign keys: its importer turns their checks
-- off while it loads, for the same reason.)
ALTER TABLE participant
  DROP CONSTRAINT participant_kelurahan_id_fkey,
  DROP CONSTRAINT participant_sector_id_fkey,
  DROP CONSTRAINT participant_batch_id_fkey,
  DROP CONSTRAINT participant_changed_batch_fkey;

-- As the schema's owner, as a foreign key checks: locking a region needs more than an
-- operator's SELECT.
CREATE FUNCTION participant_check_references () RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  kelurahan BIGINT[];
  sectors   BIGINT[];
  batches   BIGINT[];
  found     BIGINT;
BEGIN
  SELECT array_agg (DISTINCT k.kelurahan_id), array_agg (DISTINCT k.sector_id),
         array_remove (array_agg (DISTINCT k.batch_id) || array_agg (DISTINCT k.changed_batch),
                       NULL)
    INTO kelurahan, sectors, batches
    FROM (SELECT DISTINCT kelurahan_id, sector_id, batch_id, changed_batch FROM new_rows) AS k;
  IF kelurahan IS NULL THEN
    RETURN NULL;
  END IF;

  SELECT count (*) INTO found
    FROM (SELECT 1 FROM region WHERE id = ANY (kelurahan) FOR KEY SHARE) AS r;
  IF found <> cardinality (kelurahan) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "participant" violates foreign key constraint '
                '"participant_kelurahan_id_fkey"';
  END IF;
  SELECT count (*) INTO found
    FROM (SELECT 1 FROM sector WHERE id = ANY (sectors) FOR KEY SHARE) AS s;
  IF found <> cardinality (sectors) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "participant" violates foreign key constraint '
                '"participant_sector_id_fkey"';
  END IF;
  SELECT count (*) INTO found
    FROM (SELECT 1 FROM import_batch WHERE id IN (SELECT DISTINCT unnest (batches))
          FOR KEY SHARE) AS b;
  IF found <> (SELECT count (DISTINCT b) FROM unnest (batches) AS b) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "participant" violates foreign key constraint '
                '"participant_batch_id_fkey"';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER participant_references_insert AFTER INSERT ON participant
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_check_references ();
CREATE TRIGGER participant_references_update AFTER UPDATE ON participant
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_check_references ();

-- The other side: a region, sector or batch that participants still name stays.
CREATE FUNCTION participant_referenced_delete () RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  IF (TG_TABLE_NAME = 'region' AND
      EXISTS (SELECT 1 FROM old_rows AS o JOIN participant AS p ON p.kelurahan_id = o.id)) OR
     (TG_TABLE_NAME = 'sector' AND
      EXISTS (SELECT 1 FROM old_rows AS o JOIN participant AS p ON p.sector_id = o.id)) OR
     (TG_TABLE_NAME = 'import_batch' AND
      EXISTS (SELECT 1 FROM old_rows AS o JOIN participant AS p
              ON p.batch_id = o.id OR p.changed_batch = o.id)) THEN
    RAISE foreign_key_violation USING
      MESSAGE = format ('update or delete on table "%s" violates a reference from table '
                        '"participant"', TG_TABLE_NAME);
  END IF;
  -- The notes of a batch that goes keep no batch (ON DELETE SET NULL).
  IF TG_TABLE_NAME = 'import_batch' THEN
    UPDATE participant_flag SET batch_id = NULL WHERE batch_id IN (SELECT id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER region_participant_references AFTER DELETE ON region
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_referenced_delete ();
CREATE TRIGGER sector_participant_references AFTER DELETE ON sector
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_referenced_delete ();
CREATE TRIGGER import_batch_participant_references AFTER DELETE ON import_batch
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_referenced_delete ();

-- The notes' references alike: their participant (whose deletion takes its notes, ON DELETE
-- CASCADE) and their batch.
ALTER TABLE participant_flag
  DROP CONSTRAINT participant_flag_participant_id_fkey,
  DROP CONSTRAINT participant_flag_batch_id_fkey;

CREATE FUNCTION participant_flag_check_references () RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  found BIGINT;
BEGIN
  SELECT count (*) INTO found
    FROM (SELECT 1 FROM participant
          WHERE id IN (SELECT DISTINCT participant_id FROM new_rows) FOR KEY SHARE) AS p;
  IF found <> (SELECT count (DISTINCT participant_id) FROM new_rows) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "participant_flag" violates foreign key '
                'constraint "participant_flag_participant_id_fkey"';
  END IF;
  SELECT count (*) INTO found
    FROM (SELECT 1 FROM import_batch
          WHERE id IN (SELECT DISTINCT batch_id FROM new_rows) FOR KEY SHARE) AS b;
  IF found <> (SELECT count (DISTINCT batch_id) FROM new_rows) THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "participant_flag" violates foreign key '
                'constraint "participant_flag_batch_id_fkey"';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER participant_flag_references_insert AFTER INSERT ON participant_flag
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_flag_check_references ();
CREATE TRIGGER participant_flag_references_update AFTER UPDATE ON participant_flag
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_flag_check_references ();

-- participant_flag_tally_forget has counted the notes out before their participant went; the
-- notes go after it, and participant_flag_tally_delete finds no participant to count them at.
CREATE FUNCTION participant_flag_cascade () RETURNS trigger LANGUAGE plpgsql
  SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
  DELETE FROM participant_flag WHERE participant_id IN (SELECT id FROM old_rows);
  RETURN NULL;
END
$$;

CREATE TRIGGER participant_flag_cascade AFTER DELETE ON participant
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION participant_flag_cascade ();
