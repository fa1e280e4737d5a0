-- How many times each task was given back unstarted (a worker asked to stop): each raised its cap
-- of attempts by one so that its claims keep numbers of their own; a retry of a dead task takes
-- them off again, so that it gets the attempts it was queued with. The same SQL on PostgreSQL.
ALTER TABLE tasks ADD COLUMN given_back INTEGER NOT NULL DEFAULT 0;
