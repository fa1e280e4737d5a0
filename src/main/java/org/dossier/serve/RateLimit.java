package org.dossier.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per second per client address, as a token bucket (a burst of twice the rate, refilled
 * continuously). A client over it gets 429 with Retry-After. The table forgets idle clients.
 */
final class RateLimit {
  /** Clients remembered at most before the idle ones are forgotten. */
  static final int CLIENTS = 10_000;

  private final double perSecond;
  private final double burst;
  private final Map<String, double[]> buckets = new ConcurrentHashMap<>(); // {tokens, last nanos}

  /** @param perSecond requests per second per client; 0 for no limit */
  RateLimit(double perSecond) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, perSecond * 2);
  }

  boolean unlimited() {
    return perSecond <= 0;
  }

  /** True when {@code client} may make a request now (and it is counted). */
  boolean allow(String client) {
    if (unlimited()) {
      return true;
    }
    long now = System.nanoTime();
    if (buckets.size() > CLIENTS) {
      buckets.values().removeIf(b -> now - (long) b[1] > 60_000_000_000L);
    }
    double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
    synchronized (b) {
      b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
      b[1] = now;
      if (b[0] >= 1) {
        b[0] -= 1;
        return true;
      }
      return false;
    }
  }
}
