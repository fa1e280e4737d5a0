-- The work queue's open tasks found without a scan of the done ones: a claim reads the oldest
-- queued tasks of each kind it takes and the leased ones, and a worker's checks of what is still
-- open (and of the newest task of a kind) read the index's open entries only, so that neither
-- grows with the millions of tasks a large case has done; the same SQL on PostgreSQL.
DROP INDEX tasks_claimable;
CREATE INDEX tasks_open ON tasks (state, kind, id);
