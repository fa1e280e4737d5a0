-- Dossier case store on PostgreSQL, schema version 3 (as ../V003__findings.sql): the link stage's
-- findings, each kept as the JSON its command prints, in order.
CREATE TABLE findings (
  kind TEXT COLLATE "C" NOT NULL,
  position INTEGER NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  story TEXT COLLATE "C" NOT NULL DEFAULT '',
  status TEXT COLLATE "C" NOT NULL DEFAULT '',
  document TEXT COLLATE "C" NOT NULL DEFAULT '',
  json TEXT COLLATE "C" NOT NULL
);
CREATE INDEX findings_kind ON findings (kind, position);
