package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff =
            new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom(42));

    @Test
    void doublesWithEachFailureWithinTwentyPercent() {
        for (int streak = 1; streak <= 8; streak++) {
            long expected = 1000L << (streak - 1);

            long delay = backoff.delay(streak).toMillis();

            assertThat(delay).isBetween(Math.round(expected * 0.8), Math.round(expected * 1.2));
        }
    }

    @Test
    void neverExceedsTheMaximum() {
        assertThat(backoff.delay(40)).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(12)).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void honoursALongerRetryAfter() {
        assertThat(backoff.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1, Duration.ofMillis(10))).isGreaterThan(Duration.ofMillis(700));
    }

    @Test
    void sameSeedGivesTheSameDelays() {
        RetryBackoff again = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5),
                new SplittableRandom(42));

        assertThat(again.delay(3)).isEqualTo(backoff.delay(3));
    }
}
