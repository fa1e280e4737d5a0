package org.dossier.core;

import java.util.concurrent.ThreadFactory;

/** Threads a pool or a timer starts for a stage: named, and daemons, so that a stuck one ends with the process. */
public final class Daemons {
  private Daemons() {}

  /** A factory of daemon threads called {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
