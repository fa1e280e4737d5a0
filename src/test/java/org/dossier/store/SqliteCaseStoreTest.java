package org.dossier.store;

/** The case store's contract on SQLite, a new database file in the test's folder for each case. */
class SqliteCaseStoreTest extends CaseStoreContract {
  private int cases;

  @Override
  StoreLocation newLocation() {
    return new StoreLocation.Sqlite(dir.resolve("case-" + ++cases).resolve("dossier.db"));
  }
}
