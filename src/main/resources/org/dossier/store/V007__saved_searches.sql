-- Saved searches of the workbench's users, each with how far its user has seen its hits: the
-- documents added after seen_seq (documents.seq) that match are its alert.
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user TEXT NOT NULL,
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  created TEXT NOT NULL,
  seen_seq INTEGER NOT NULL,
  seen_at TEXT NOT NULL,
  UNIQUE (user, name)
);
