-- Each task claimed and completed leaves dead rows (its queued and running versions), and a claim
-- reads past the dead entries at the head of the open tasks' index until a vacuum clears them.
-- PostgreSQL's default vacuums a table once a fifth of it is dead: on a case of a million
-- documents' tasks done, some 700,000 dead rows, the claim's cost rising from 0.5 to 1.4 ms a
-- task meanwhile (./bench queue --churn 400000 --done 1000000). A fixed number keeps it at
-- 0.5-0.7 ms whatever the table's size; autovacuum still looks at most once a minute.
ALTER TABLE tasks SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 20000);
