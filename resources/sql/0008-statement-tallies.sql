-- SIGAP Dasbor database, schema version 8: nothing changes in an SQLite file.

-- On PostgreSQL this version counts the tallies once per statement instead of once per row
-- (postgres/0008-statement-tallies.sql), so that an import through COPY and set-based
-- statements does not run a trigger for each of a million rows. SQLite's triggers stay per
-- row, and its bulk loads count the tallies themselves. The version number is shared by both
-- engines, so this file only keeps SQLite's in step.
SELECT 1;
