-- Dossier case store on PostgreSQL, schema version 14 (as ../V014__tasks_vacuum.sql, which does
-- nothing on SQLite): the table of tasks vacuumed after a fixed number of dead rows.
-- Each task claimed and completed leaves dead rows (its queued and leased versions), and a claim
-- reads past the dead entries at the head of the open tasks' index until a vacuum clears them.
-- PostgreSQL's default vacuums a table once a fifth of it is dead: on a case with a million
-- documents' tasks done, some 700,000 dead rows, the claim's cost doubling meanwhile (./bench
-- queue --churn 400000 --done 1000000). A fixed number keeps it near its cost after a vacuum
-- whatever the table's size; autovacuum still looks at most once a minute.
ALTER TABLE tasks SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 20000);
