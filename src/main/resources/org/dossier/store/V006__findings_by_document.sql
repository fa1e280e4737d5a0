-- A document's own findings (its source row: outlet, headline, date, links) read by the document
-- page without a scan of every finding.
CREATE INDEX findings_document ON findings (kind, document);
