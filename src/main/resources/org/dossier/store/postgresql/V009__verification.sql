-- Dossier case store on PostgreSQL, schema version 9 (as ../V009__verification.sql): the verify
-- stage's per-document checks and signatures, band hashes and candidate pairs, kept between the
-- workers' tasks.
CREATE TABLE verify_documents (
  document TEXT COLLATE "C" NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  inputs TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (document, kind)
);
CREATE TABLE verify_bands (
  band INTEGER NOT NULL,
  hash BIGINT NOT NULL,
  document TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (band, document)
);
CREATE INDEX verify_bands_bucket ON verify_bands (band, hash, document);
CREATE INDEX verify_bands_document ON verify_bands (document);
CREATE TABLE verify_candidates (
  round TEXT COLLATE "C" NOT NULL,
  a TEXT COLLATE "C" NOT NULL,
  b TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (round, a, b)
);
