-- Dossier case store on PostgreSQL, schema version 6 (as ../V006__findings_by_document.sql): a
-- document's own findings found without a scan; by a hash of the name (a B-tree entry cannot hold
-- a long one), the kind checked on the rows found.
CREATE INDEX findings_document ON findings USING hash (document);
