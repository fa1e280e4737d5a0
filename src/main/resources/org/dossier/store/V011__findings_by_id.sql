-- A finding by its id (a fact F123) read without a scan of every finding of its kind: the report
-- and the facts command rank the disputes holding each one's id and size only, then read them by
-- id in their rank order; the same SQL on PostgreSQL.
CREATE INDEX findings_id ON findings (kind, id);
