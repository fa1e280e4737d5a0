-- Dossier case store on PostgreSQL, schema version 5 (as ../V005__users.sql): the workbench's
-- accounts (bcrypt hashes) and API tokens (their SHA-256).
CREATE TABLE users (
  name TEXT COLLATE "C" PRIMARY KEY,
  hash TEXT COLLATE "C" NOT NULL,
  role TEXT COLLATE "C" NOT NULL,
  created TEXT COLLATE "C" NOT NULL
);
CREATE TABLE tokens (
  hash TEXT COLLATE "C" PRIMARY KEY,
  "user" TEXT COLLATE "C" NOT NULL REFERENCES users (name),
  created TEXT COLLATE "C" NOT NULL,
  label TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX tokens_user ON tokens ("user");
