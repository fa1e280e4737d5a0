-- The durable work queue: a stage's work on one thing (kind = the stage, key = what it works on,
-- e.g. a document's content hash) is one task, whatever number of times it is enqueued. A task is
-- queued, leased (to lease_owner until lease_until), done or dead (its attempts used up, with its
-- last error). attempts counts the claims: each claim makes it one more, so a lease is told from
-- an earlier lease of the same task. Times are milliseconds since 1970 on the database's clock.
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until INTEGER,
  last_error TEXT,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  UNIQUE (kind, key)
);
CREATE INDEX tasks_claimable ON tasks (kind, state, id);
