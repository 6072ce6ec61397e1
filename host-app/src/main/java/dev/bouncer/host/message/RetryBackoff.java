package dev.bouncer.host.message;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for retryable provider failures: base, 2x base, 4x base ...
 * up to the maximum, each spread by +-20 % so that instances failing together do not retry in
 * step.
 */
final class RetryBackoff {

    private static final double JITTER = 0.2;

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    RetryBackoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt after {@code streak} failures in a row (1 = first). */
    Duration delay(int streak) {
        int doublings = Math.min(Math.max(streak, 1) - 1, 30);
        long millis = Math.min(max.toMillis(), base.toMillis() << doublings);
        double spread = 1 - JITTER + random.nextDouble() * 2 * JITTER;
        return Duration.ofMillis(Math.min(max.toMillis(), Math.round(millis * spread)));
    }

    /** The backoff, or the provider's Retry-After when that asks for longer. */
    Duration delay(int streak, Duration retryAfter) {
        Duration backoff = delay(streak);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }
}
