-- The workbench's accounts, per case: a bcrypt hash of each password (never the password), a role
-- (owner, editor or reader), and API tokens stored as the SHA-256 of the token (shown once).
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  role TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user TEXT NOT NULL REFERENCES users (name),
  created TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tokens_user ON tokens (user);
