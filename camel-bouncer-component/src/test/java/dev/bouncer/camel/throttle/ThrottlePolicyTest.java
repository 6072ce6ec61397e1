package dev.bouncer.camel.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThrottlePolicyTest {

    private static final Instant START = Instant.parse("2025-03-03T09:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(3);
    private static final Duration MAX = Duration.ofSeconds(8);
    private static final Duration COOLDOWN_MIN = Duration.ofSeconds(30);
    private static final Duration COOLDOWN_MAX = Duration.ofSeconds(60);
    private static final int BATCH = ThrottleSettings.DEFAULT_BATCH_SIZE;

    private static final ThrottleSettings FIXED =
            ThrottleSettings.off().withMode(ThrottleMode.FIXED);
    private static final ThrottleSettings SMART =
            ThrottleSettings.off().withMode(ThrottleMode.SMART);

    @Test
    void initialStateMaySendAtOnce() {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended(), 1);

        assertThat(policy.canSendAt(ThrottleState.INITIAL, START)).isTrue();
        assertThat(policy.earliestSend(ThrottleState.INITIAL, START)).isEqualTo(START);
    }

    @Test
    void waitsUntilNextSendAtAndNotAMillisecondLonger() {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended(), 1);
        ThrottleState state = new ThrottleState(START.plusSeconds(5), 0);

        Instant justBefore = START.plusSeconds(5).minusMillis(1);

        assertThat(policy.canSendAt(state, justBefore)).isFalse();
        assertThat(policy.earliestSend(state, justBefore)).isEqualTo(START.plusSeconds(5));
        assertThat(policy.canSendAt(state, START.plusSeconds(5))).isTrue();
        assertThat(policy.earliestSend(state, START.plusSeconds(6)))
                .isEqualTo(START.plusSeconds(6));
    }

    @Test
    void offAllowsTheNextSendAtOnce() {
        ThrottlePolicy policy = policy(ThrottleSettings.off(), 1);

        ThrottleState state = policy.afterSendStarted(ThrottleState.INITIAL, START);

        assertThat(state).isEqualTo(new ThrottleState(START, 0));
        assertThat(policy.canSendAt(state, START)).isTrue();
    }

    @Test
    void fixedWaitsExactlyMinDelayIgnoringMaxDelay() {
        ThrottlePolicy policy = policy(FIXED.withMinDelay(Duration.ofSeconds(9)), 1);

        ThrottleState state = policy.afterSendStarted(ThrottleState.INITIAL, START);

        assertThat(state).isEqualTo(new ThrottleState(START.plusSeconds(9), 0));
    }

    @Test
    void fixedWithoutDelayBehavesLikeOff() {
        ThrottlePolicy policy = policy(FIXED.withMinDelay(Duration.ZERO), 1);

        ThrottleState state = policy.afterSendStarted(ThrottleState.INITIAL, START);

        assertThat(state.nextSendAt()).isEqualTo(START);
    }

    @Test
    void randomGapsStayInsideTheRangeAtMillisecondResolution() {
        ThrottlePolicy policy = policy(ThrottleSettings.recommended(), 42);

        for (int i = 0; i < 10_000; i++) {
            Duration gap = gapAfterOneSend(policy, ThrottleState.INITIAL);

            assertThat(gap).isBetween(MIN, MAX);
            assertThat(gap.toNanos() % 1_000_000).isZero();
        }
    }

    @Test
    void randomGapsReachBothEndsOfTheRange() {
        ThrottleSettings tinyRange = ThrottleSettings.recommended()
                .withMinDelay(Duration.ofMillis(100)).withMaxDelay(Duration.ofMillis(101));
        ThrottlePolicy policy = policy(tinyRange, 7);

        Set<Duration> gaps = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            gaps.add(gapAfterOneSend(policy, ThrottleState.INITIAL));
        }

        assertThat(gaps).containsExactlyInAnyOrder(Duration.ofMillis(100), Duration.ofMillis(101));
    }

    @Test
    void sameSeedDrawsTheSameGaps() {
        ThrottlePolicy first = policy(ThrottleSettings.recommended(), 99);
        ThrottlePolicy second = policy(ThrottleSettings.recommended(), 99);

        for (int i = 0; i < 100; i++) {
            assertThat(gapAfterOneSend(first, ThrottleState.INITIAL))
                    .isEqualTo(gapAfterOneSend(second, ThrottleState.INITIAL));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ThrottleMode.class, names = { "OFF", "FIXED", "RANDOM" })
    void onlySmartCountsSendsInABatch(ThrottleMode mode) {
        ThrottlePolicy policy = policy(SMART.withMode(mode), 1);
        ThrottleState persistedUnderSmart = new ThrottleState(null, 4);

        ThrottleState state = policy.afterSendStarted(persistedUnderSmart, START);

        assertThat(state.sentInBatch()).isZero();
    }

    @Test
    void smartAddsACooldownExactlyAfterEveryBatch() {
        ThrottlePolicy policy = policy(SMART, 3);
        ThrottleState state = ThrottleState.INITIAL;

        for (int batch = 1; batch <= 3; batch++) {
            for (int send = 1; send < BATCH; send++) {
                state = policy.afterSendStarted(state, START);

                assertThat(gapUntil(state)).as("send %d of batch %d", send, batch)
                        .isBetween(MIN, MAX);
                assertThat(state.sentInBatch()).isEqualTo(send);
            }
            state = policy.afterSendStarted(state, START);

            assertThat(gapUntil(state)).as("last send of batch %d", batch)
                    .isBetween(MIN.plus(COOLDOWN_MIN), MAX.plus(COOLDOWN_MAX));
            assertThat(state.sentInBatch()).isZero();
        }
    }

    @Test
    void smartCooldownsStayInsideTheirRange() {
        ThrottleSettings everySend = SMART.withBatchSize(1);
        ThrottlePolicy policy = policy(everySend, 11);

        for (int i = 0; i < 5_000; i++) {
            Duration gap = gapAfterOneSend(policy, ThrottleState.INITIAL);

            assertThat(gap).isBetween(MIN.plus(COOLDOWN_MIN), MAX.plus(COOLDOWN_MAX));
        }
    }

    @Test
    void smartEndsAnOverfullBatchAtOnceAfterBatchSizeWasLowered() {
        ThrottlePolicy policy = policy(SMART.withBatchSize(5), 1);
        ThrottleState persistedUnderBatchOfTen = new ThrottleState(null, 7);

        ThrottleState state = policy.afterSendStarted(persistedUnderBatchOfTen, START);

        assertThat(state.sentInBatch()).isZero();
        assertThat(gapUntil(state)).isGreaterThanOrEqualTo(MIN.plus(COOLDOWN_MIN));
    }

    @Test
    void newPolicyAfterRestartHonoursACooldownInProgress() {
        ThrottlePolicy beforeRestart = policy(SMART, 5);
        ThrottleState state = ThrottleState.INITIAL;
        for (int send = 0; send < BATCH; send++) {
            state = beforeRestart.afterSendStarted(state, START);
        }
        ThrottleState persisted = new ThrottleState(state.nextSendAt(), state.sentInBatch());

        ThrottlePolicy afterRestart = policy(SMART, 6);
        Instant midCooldown = START.plus(COOLDOWN_MIN);
        ThrottleState firstOfNextBatch =
                afterRestart.afterSendStarted(persisted, state.nextSendAt());

        assertThat(afterRestart.canSendAt(persisted, midCooldown)).isFalse();
        assertThat(afterRestart.earliestSend(persisted, midCooldown)).isEqualTo(state.nextSendAt());
        assertThat(afterRestart.canSendAt(persisted, state.nextSendAt())).isTrue();
        assertThat(firstOfNextBatch.sentInBatch()).isEqualTo(1);
        assertThat(Duration.between(state.nextSendAt(), firstOfNextBatch.nextSendAt()))
                .isBetween(MIN, MAX);
    }

    @Test
    void newPolicyAfterRestartContinuesTheBatchInProgress() {
        ThrottlePolicy afterRestart = policy(SMART, 8);
        ThrottleState persisted = new ThrottleState(START, BATCH - 2);

        ThrottleState ninth = afterRestart.afterSendStarted(persisted, START);
        ThrottleState tenth = afterRestart.afterSendStarted(ninth, START);

        assertThat(gapUntil(ninth)).isBetween(MIN, MAX);
        assertThat(tenth.sentInBatch()).isZero();
        assertThat(gapUntil(tenth)).isBetween(MIN.plus(COOLDOWN_MIN), MAX.plus(COOLDOWN_MAX));
    }

    @Test
    void measuresTheGapFromTheActualStart() {
        ThrottlePolicy policy = policy(FIXED, 1);
        ThrottleState state = new ThrottleState(START, 0);

        ThrottleState afterLateSend = policy.afterSendStarted(state, START.plusSeconds(60));

        assertThat(afterLateSend.nextSendAt()).isEqualTo(START.plusSeconds(63));
    }

    @Test
    void refusesInvalidSettingsNamingEveryBadField() {
        ThrottleSettings invalid = SMART.withMaxDelay(null).withBatchSize(0);

        assertThatThrownBy(() -> new ThrottlePolicy(invalid, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("maxDelay: is required", "batchSize: must be between");
    }

    private static ThrottlePolicy policy(ThrottleSettings settings, long seed) {
        return new ThrottlePolicy(settings, new SplittableRandom(seed));
    }

    private static Duration gapAfterOneSend(ThrottlePolicy policy, ThrottleState state) {
        return gapUntil(policy.afterSendStarted(state, START));
    }

    /** The gap from a send started at START to the next one that {@code state} allows. */
    private static Duration gapUntil(ThrottleState state) {
        return Duration.between(START, state.nextSendAt());
    }
}
