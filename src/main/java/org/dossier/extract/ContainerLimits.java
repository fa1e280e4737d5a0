package org.dossier.extract;

/**
 * Caps that stop an archive or other container from exploding.
 *
 * @param maxEntries most embedded documents one container may yield
 * @param maxExpandedBytes most bytes its embedded documents may add up to
 * @param maxRatio most times its embedded documents may outweigh the container itself
 * @param ratioFloorBytes the ratio is only enforced beyond this many expanded bytes, so that small
 *     well-compressed archives pass
 * @param maxDepth deepest nesting of containers in containers
 */
public record ContainerLimits(
    int maxEntries, long maxExpandedBytes, long maxRatio, long ratioFloorBytes, int maxDepth) {

  public static final ContainerLimits DEFAULT =
      new ContainerLimits(20_000, 4L << 30, 200, 64L << 20, 10);

  public ContainerLimits {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
    }
    if (maxExpandedBytes < 1) {
      throw new IllegalArgumentException("maxExpandedBytes must be >= 1, got " + maxExpandedBytes);
    }
    if (maxRatio < 1) {
      throw new IllegalArgumentException("maxRatio must be >= 1, got " + maxRatio);
    }
    if (ratioFloorBytes < 0) {
      throw new IllegalArgumentException("ratioFloorBytes must be >= 0, got " + ratioFloorBytes);
    }
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
    }
  }
}
