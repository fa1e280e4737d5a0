package org.dossier.store;

/** The work queue on SQLite: a new database file in the test's folder for each case. */
class SqliteTaskQueueTest extends TaskQueueContract {
  private int cases;

  @Override
  StoreLocation newLocation() {
    return new StoreLocation.Sqlite(dir.resolve("case-" + ++cases).resolve("dossier.db"));
  }

  @Override
  int claimers() {
    return 2; // one writer at a time: SQLite's lock takes turns between them
  }
}
