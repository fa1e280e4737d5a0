-- Dossier case store on PostgreSQL, schema version 8 (as ../V008__tasks.sql): the durable work
-- queue, claimed with FOR UPDATE SKIP LOCKED; times in milliseconds on the server's clock.
CREATE TABLE tasks (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  payload TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL,
  attempts INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  lease_owner TEXT COLLATE "C",
  lease_until BIGINT,
  last_error TEXT COLLATE "C",
  created BIGINT NOT NULL,
  updated BIGINT NOT NULL,
  UNIQUE (kind, key)
);
CREATE INDEX tasks_claimable ON tasks (kind, state, id);
