-- Dossier case store on PostgreSQL, schema version 4 (as ../V004__judgements.sql): the analyst's
-- judgements, appended, never edited. "user" is a reserved word here; a target is looked up by hash.
CREATE TABLE judgements (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT COLLATE "C" NOT NULL,
  "user" TEXT COLLATE "C" NOT NULL,
  target TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C" NOT NULL DEFAULT '',
  reason TEXT COLLATE "C" NOT NULL DEFAULT '',
  undoes BIGINT
);
CREATE INDEX judgements_target ON judgements USING hash (target);
