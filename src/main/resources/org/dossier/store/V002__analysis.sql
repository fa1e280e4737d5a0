-- Dossier case store, schema version 2: what the analyze stage finds, and the entities of a case.
ALTER TABLE documents ADD COLUMN analysis TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE documents ADD COLUMN analysis_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN document_date TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_analysis ON documents (analysis);

-- entity and value mentions, with character offsets into the document's extracted text
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  document TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  kind TEXT NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  canonical TEXT NOT NULL DEFAULT '',
  normalized TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  qualifier TEXT NOT NULL DEFAULT '',
  bound TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  entity INTEGER
);
CREATE INDEX mentions_document ON mentions (document);
CREATE INDEX mentions_entity ON mentions (entity);
CREATE INDEX mentions_name ON mentions (kind, type, text, canonical);

CREATE TABLE attributions (
  id INTEGER PRIMARY KEY,
  document TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  source_start INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  via TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attributions_document ON attributions (document);

-- entities of the whole case, rebuilt from the mentions by the entity resolver
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL
);
CREATE TABLE entity_aliases (
  entity INTEGER NOT NULL,
  alias TEXT NOT NULL
);
CREATE INDEX entity_aliases_entity ON entity_aliases (entity);
