-- The verify stage's work kept between the tasks that do it on several machines. A document's
-- checks (kind 'checks': its signals and what the checks across documents need, as JSON) and its
-- MinHash signature (kind 'signature') are one row each per document and kind, replaced when the
-- document is checked again; inputs names what they were made from (the task's key). Its hash in
-- each band is one row per document and band, read a band at a time in order of hash. The
-- candidate pairs a band partition finds are kept per round of the stage (the task's round).
CREATE TABLE verify_documents (
  document TEXT NOT NULL,
  kind TEXT NOT NULL,
  inputs TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (document, kind)
);
CREATE TABLE verify_bands (
  band INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (band, document)
);
CREATE INDEX verify_bands_bucket ON verify_bands (band, hash, document);
CREATE INDEX verify_bands_document ON verify_bands (document);
CREATE TABLE verify_candidates (
  round TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  PRIMARY KEY (round, a, b)
);
