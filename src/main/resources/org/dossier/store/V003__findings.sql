-- Dossier case store, schema version 3: what the link stage finds (stories, facts, sources,
-- timeline events, coverage), each kept as the JSON its command prints, in order.
CREATE TABLE findings (
  kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  story TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  document TEXT NOT NULL DEFAULT '',
  json TEXT NOT NULL
);
CREATE INDEX findings_kind ON findings (kind, position);
