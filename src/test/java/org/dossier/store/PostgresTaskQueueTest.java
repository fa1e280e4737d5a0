package org.dossier.store;

import org.dossier.testing.TestPostgres;

/**
 * The work queue on PostgreSQL: each case a new schema on the test server (skipped, with the
 * reason, where no server can start); claimers at once on connections of their own.
 */
class PostgresTaskQueueTest extends TaskQueueContract {
  @Override
  StoreLocation newLocation() {
    return TestPostgres.newCase();
  }

  @Override
  int claimers() {
    return 6;
  }
}
