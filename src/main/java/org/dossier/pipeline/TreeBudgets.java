package org.dossier.pipeline;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dossier.core.DocumentId;
import org.dossier.extract.ContainerLimits;

/**
 * What the whole tree of containers under one top input has unpacked: entries and bytes across
 * every level, and their ratio to the top original. The caps of each container
 * ({@link ContainerLimits}) bound one level; a zip of zips of zips stays under them at every
 * level and still fills the disk, so the same caps hold for the tree as a whole.
 */
final class TreeBudgets {
  private final ContainerLimits limits;
  private final ConcurrentHashMap<DocumentId, Budget> budgets = new ConcurrentHashMap<>();

  private static final class Budget {
    final long rootSize;
    long entries;
    long bytes;

    Budget(long rootSize) {
      this.rootSize = Math.max(1, rootSize);
    }
  }

  TreeBudgets(ContainerLimits limits) {
    this.limits = limits;
  }

  /**
   * Counts {@code bytes} more, in one entry, under the top input {@code root} (of {@code rootSize}
   * bytes); the breach, naming the cap, when the tree goes beyond one.
   */
  Optional<String> add(DocumentId root, long rootSize, long bytes) {
    Budget b = budgets.computeIfAbsent(root, r -> new Budget(rootSize));
    synchronized (b) {
      if (b.entries + 1 > limits.maxEntries()) {
        return Optional.of("the containers under this top input hold more than " + limits.maxEntries()
            + " documents in all (the cap; raise it with --max-entries)");
      }
      if (b.bytes + bytes > limits.maxExpandedBytes()) {
        return Optional.of("the containers under this top input expand to more than " + limits.maxExpandedBytes()
            + " bytes in all (the cap; raise it with --max-expanded)");
      }
      long total = b.bytes + bytes;
      if (total > limits.ratioFloorBytes() && total / b.rootSize > limits.maxRatio()) {
        return Optional.of("the containers under this top input expand to more than " + limits.maxRatio()
            + " times its " + b.rootSize + " bytes in all (" + total + " bytes; the cap is --max-ratio "
            + limits.maxRatio() + ")");
      }
      b.entries++;
      b.bytes = total;
      return Optional.empty();
    }
  }
}
