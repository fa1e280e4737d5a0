-- Dossier case store, schema version 1: documents, paths, metadata, runs.
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  inputs TEXT NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  outcome TEXT
);

CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  stored INTEGER NOT NULL,
  parent TEXT,
  depth INTEGER NOT NULL,
  stage TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  media_type TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  text_chars INTEGER NOT NULL DEFAULT 0,
  text_truncated INTEGER NOT NULL DEFAULT 0,
  ocr INTEGER NOT NULL DEFAULT 0,
  extract_millis INTEGER NOT NULL DEFAULT 0,
  run INTEGER NOT NULL
);
CREATE INDEX documents_stage ON documents (stage);
CREATE INDEX documents_status ON documents (status);
CREATE INDEX documents_parent ON documents (parent);

CREATE TABLE paths (
  seq INTEGER PRIMARY KEY,
  root TEXT NOT NULL,
  name TEXT NOT NULL,
  document TEXT,
  size INTEGER NOT NULL DEFAULT 0,
  modified INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  run INTEGER NOT NULL,
  UNIQUE (root, name)
);
CREATE INDEX paths_document ON paths (document);

CREATE TABLE metadata (
  document TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE INDEX metadata_document ON metadata (document);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
