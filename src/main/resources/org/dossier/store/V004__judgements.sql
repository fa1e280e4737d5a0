-- The analyst's layer: every judgement appended, never edited; an undo is a judgement too.
CREATE TABLE judgements (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  target TEXT NOT NULL,
  action TEXT NOT NULL,
  value TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  undoes INTEGER
);
CREATE INDEX judgements_target ON judgements (target);
