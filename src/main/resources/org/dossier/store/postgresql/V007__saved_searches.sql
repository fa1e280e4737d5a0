-- Dossier case store on PostgreSQL, schema version 7 (as ../V007__saved_searches.sql): the users'
-- saved searches, each seen up to a document (documents.seq).
CREATE TABLE saved_searches (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "user" TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  query TEXT COLLATE "C" NOT NULL,
  created TEXT COLLATE "C" NOT NULL,
  seen_seq BIGINT NOT NULL,
  seen_at TEXT COLLATE "C" NOT NULL,
  UNIQUE ("user", name)
);
