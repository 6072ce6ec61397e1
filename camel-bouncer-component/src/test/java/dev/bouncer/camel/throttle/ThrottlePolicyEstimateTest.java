package dev.bouncer.camel.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThrottlePolicyEstimateTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final ThrottleSettings SMART =
            ThrottleSettings.off().withMode(ThrottleMode.SMART);

    @Test
    void offExpectsEveryQueuedMessageAtOnce() {
        ThrottlePolicy policy = policy(ThrottleSettings.off());

        Instant estimate = policy.estimateSendAt(ThrottleState.INITIAL, NOW, 50);

        assertThat(estimate).isEqualTo(NOW);
    }

    @Test
    void fixedAddsMinDelayPerMessageAhead() {
        ThrottlePolicy policy = policy(ThrottleSettings.off().withMode(ThrottleMode.FIXED));

        Instant estimate = policy.estimateSendAt(ThrottleState.INITIAL, NOW, 3);

        assertThat(estimate).isEqualTo(NOW.plusSeconds(6));
    }

    @Test
    void randomAddsTheMeanDelayPerMessageAhead() {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended());

        Instant estimate = policy.estimateSendAt(ThrottleState.INITIAL, NOW, 3);

        assertThat(estimate).isEqualTo(NOW.plusSeconds(11));
    }

    @Test
    void nextMessageIsExpectedWhenTheStateAllowsIt() {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended());
        ThrottleState waiting = new ThrottleState(NOW.plusSeconds(4), 0);

        assertThat(policy.estimateSendAt(waiting, NOW, 1)).isEqualTo(NOW.plusSeconds(4));
        assertThat(policy.estimateSendAt(waiting, NOW, 2)).isEqualTo(NOW.plusMillis(9_500));
    }

    @Test
    void pastNextSendAtCountsFromNow() {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended());
        ThrottleState longAgo = new ThrottleState(NOW.minusSeconds(600), 0);

        assertThat(policy.estimateSendAt(longAgo, NOW, 1)).isEqualTo(NOW);
    }

    /**
     * Defaults: 5.5 s mean delay, 45 s mean cooldown after every 10th send. A message waits
     * for one cooldown per batch that the sends ahead of it complete.
     */
    @ParameterizedTest(name = "{0} sent in batch, position {1}: +{2} ms")
    @CsvSource({
        "0, 1, 0",
        "0, 10, 49500",
        "0, 11, 100000",
        "8, 2, 5500",
        "8, 3, 56000",
        "9, 2, 50500",
        "0, 21, 200000",
    })
    void smartAddsTheMeanCooldownOfEveryBatchCompletedAhead(
            int sentInBatch, int position, long expectedMillis) {
        ThrottlePolicy policy = policy(SMART);
        ThrottleState state = new ThrottleState(null, sentInBatch);

        Instant estimate = policy.estimateSendAt(state, NOW, position);

        assertThat(estimate).isEqualTo(NOW.plusMillis(expectedMillis));
    }

    @Test
    void smartTreatsAnOverfullBatchAsEndingWithTheNextSend() {
        ThrottlePolicy policy = policy(SMART.withBatchSize(5));
        ThrottleState persistedUnderBatchOfTen = new ThrottleState(null, 7);

        Instant estimate = policy.estimateSendAt(persistedUnderBatchOfTen, NOW, 2);

        assertThat(estimate).isEqualTo(NOW.plusMillis(5_500 + 45_000));
    }

    @Test
    void smartEstimateOfAFullQueueMatchesTheExpectedGapOverWholeBatches() {
        ThrottlePolicy policy = policy(SMART);

        Instant estimate = policy.estimateSendAt(ThrottleState.INITIAL, NOW, 101);

        assertThat(estimate).isEqualTo(NOW.plus(SMART.expectedGap().multipliedBy(100)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1, Integer.MIN_VALUE })
    void rejectsPositionsBeforeTheFirst(int position) {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended());

        assertThatThrownBy(() -> policy.estimateSendAt(ThrottleState.INITIAL, NOW, position))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position must be at least 1, was " + position);
    }

    @Test
    void estimatesDrawNoRandomness() {
        SplittableRandom random = new SplittableRandom(3);
        ThrottlePolicy policy = new ThrottlePolicy(SMART, random);
        long nextDrawBefore = new SplittableRandom(3).nextLong();

        policy.estimateSendAt(ThrottleState.INITIAL, NOW, 40);

        assertThat(random.nextLong()).isEqualTo(nextDrawBefore);
    }

    private static ThrottlePolicy policy(ThrottleSettings settings) {
        return new ThrottlePolicy(settings, new SplittableRandom(1));
    }
}
