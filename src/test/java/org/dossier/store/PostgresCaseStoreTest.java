package org.dossier.store;

import org.dossier.testing.TestPostgres;

/**
 * The case store's contract on PostgreSQL: each case a new schema on the test server (skipped,
 * with the reason, where no server can start).
 */
class PostgresCaseStoreTest extends CaseStoreContract {
  @Override
  StoreLocation newLocation() {
    return TestPostgres.newCase();
  }
}
