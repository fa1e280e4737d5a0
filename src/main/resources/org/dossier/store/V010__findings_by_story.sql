-- One story's findings in their order (a story's facts, its events) read without a scan of every
-- finding of their kind (the story's page, facts --story, the export's grid a story at a time); the
-- same SQL on PostgreSQL.
CREATE INDEX findings_story ON findings (kind, story, position);
