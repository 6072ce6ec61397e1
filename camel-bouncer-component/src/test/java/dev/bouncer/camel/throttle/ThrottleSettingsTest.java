package dev.bouncer.camel.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThrottleSettingsTest {

    private static final ThrottleSettings SMART =
            ThrottleSettings.off().withMode(ThrottleMode.SMART);

    @Test
    void offKeepsEveryOtherFieldAtItsDefault() {
        ThrottleSettings off = ThrottleSettings.off();

        assertThat(off).isEqualTo(new ThrottleSettings(ThrottleMode.OFF, Duration.ofSeconds(3),
                Duration.ofSeconds(8), 20, 10, Duration.ofSeconds(30), Duration.ofSeconds(60)));
        assertThat(off.violations()).isEmpty();
    }

    @Test
    void recommendedIsRandomThreeToEightSecondsWithTwentyQueued() {
        ThrottleSettings recommended = ThrottleSettings.recommended();

        assertThat(recommended.mode()).isEqualTo(ThrottleMode.RANDOM);
        assertThat(recommended.minDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(recommended.maxDelay()).isEqualTo(Duration.ofSeconds(8));
        assertThat(recommended.maxQueue()).isEqualTo(20);
        assertThat(recommended.violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ThrottleMode.class)
    void defaultsAreValidInEveryMode(ThrottleMode mode) {
        assertThat(ThrottleSettings.off().withMode(mode).violations()).isEmpty();
    }

    @Test
    void reportsMissingMode() {
        ThrottleSettings settings = ThrottleSettings.off().withMode(null);

        assertThat(settings.violations()).containsExactly(
                new ThrottleViolation("mode", "must be one of off, fixed, random, smart"));
    }

    @ParameterizedTest
    @MethodSource("durationFields")
    void reportsMissingDuration(
            String field, BiFunction<ThrottleSettings, Duration, ThrottleSettings> with) {
        ThrottleSettings settings = with.apply(SMART, null);

        assertThat(settings.violations())
                .containsExactly(new ThrottleViolation(field, "is required"));
    }

    @ParameterizedTest
    @MethodSource("durationFields")
    void reportsNegativeDuration(
            String field, BiFunction<ThrottleSettings, Duration, ThrottleSettings> with) {
        ThrottleSettings settings = with.apply(SMART, Duration.ofMillis(-1));

        assertThat(settings.violations())
                .containsExactly(
                        new ThrottleViolation(field, "must not be negative, was PT-0.001S"));
    }

    @Test
    void reportsDelaysLongerThanAnHour() {
        ThrottleSettings settings = SMART.withMinDelay(Duration.ofMinutes(61))
                .withMaxDelay(Duration.ofHours(2));

        assertThat(settings.violations()).containsExactly(
                new ThrottleViolation("minDelay", "must be at most 1h, was 61m"),
                new ThrottleViolation("maxDelay", "must be at most 1h, was 2h"));
    }

    @Test
    void acceptsDelaysOfExactlyAnHour() {
        ThrottleSettings settings = SMART.withMinDelay(Duration.ofHours(1))
                .withMaxDelay(Duration.ofHours(1));

        assertThat(settings.violations()).isEmpty();
    }

    @Test
    void reportsCooldownsLongerThanADay() {
        ThrottleSettings settings = SMART.withCooldownMin(Duration.ofHours(24).plusMillis(1))
                .withCooldownMax(Duration.ofHours(25));

        assertThat(settings.violations()).extracting(ThrottleViolation::field)
                .containsExactly("cooldownMin", "cooldownMax");
        assertThat(settings.violations().get(1).message())
                .isEqualTo("must be at most 24h, was 25h");
    }

    @Test
    void acceptsCooldownsOfExactlyADay() {
        ThrottleSettings settings = SMART.withCooldownMin(Duration.ofHours(24))
                .withCooldownMax(Duration.ofHours(24));

        assertThat(settings.violations()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ThrottleMode.class, names = { "RANDOM", "SMART" })
    void reportsMinDelayAboveMaxDelayOnMaxDelay(ThrottleMode mode) {
        ThrottleSettings settings = SMART.withMode(mode).withMinDelay(Duration.ofSeconds(9));

        assertThat(settings.violations()).containsExactly(
                new ThrottleViolation("maxDelay", "must be at least minDelay (9s), was 8s"));
    }

    @ParameterizedTest
    @EnumSource(value = ThrottleMode.class, names = { "OFF", "FIXED" })
    void ignoresDelayOrderWhenMaxDelayIsUnused(ThrottleMode mode) {
        ThrottleSettings settings = SMART.withMode(mode).withMinDelay(Duration.ofSeconds(9));

        assertThat(settings.violations()).isEmpty();
    }

    @Test
    void acceptsEqualDelaysForRandom() {
        ThrottleSettings settings = ThrottleSettings.recommended()
                .withMinDelay(Duration.ofSeconds(5)).withMaxDelay(Duration.ofSeconds(5));

        assertThat(settings.violations()).isEmpty();
    }

    @Test
    void reportsCooldownMinAboveCooldownMaxOnCooldownMaxForSmart() {
        ThrottleSettings settings = SMART.withCooldownMin(Duration.ofMinutes(2));

        assertThat(settings.violations()).containsExactly(
                new ThrottleViolation("cooldownMax", "must be at least cooldownMin (2m), was 1m"));
    }

    @ParameterizedTest
    @EnumSource(value = ThrottleMode.class, names = { "OFF", "FIXED", "RANDOM" })
    void ignoresCooldownOrderOutsideSmart(ThrottleMode mode) {
        ThrottleSettings settings = SMART.withMode(mode).withCooldownMin(Duration.ofMinutes(2));

        assertThat(settings.violations()).isEmpty();
    }

    @Test
    void acceptsFixedModeWithoutDelay() {
        ThrottleSettings settings = SMART.withMode(ThrottleMode.FIXED).withMinDelay(Duration.ZERO);

        assertThat(settings.violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { Integer.MIN_VALUE, -1, 0, 100_001 })
    void reportsMaxQueueOutsideItsRange(int maxQueue) {
        ThrottleSettings settings = SMART.withMaxQueue(maxQueue);

        assertThat(settings.violations()).containsExactly(new ThrottleViolation(
                "maxQueue", "must be between 1 and 100000, was " + maxQueue));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 100_000 })
    void acceptsMaxQueueAtItsLimits(int maxQueue) {
        assertThat(SMART.withMaxQueue(maxQueue).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 0, 10_001 })
    void reportsBatchSizeOutsideItsRange(int batchSize) {
        ThrottleSettings settings = SMART.withBatchSize(batchSize);

        assertThat(settings.violations()).containsExactly(new ThrottleViolation(
                "batchSize", "must be between 1 and 10000, was " + batchSize));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 10_000 })
    void acceptsBatchSizeAtItsLimits(int batchSize) {
        assertThat(SMART.withBatchSize(batchSize).violations()).isEmpty();
    }

    @Test
    void reportsEveryBadFieldAtOnceInFieldOrder() {
        ThrottleSettings settings = new ThrottleSettings(null, Duration.ofSeconds(-1),
                null, 0, 0, Duration.ofDays(2), Duration.ofSeconds(-5));

        List<ThrottleViolation> violations = settings.violations();

        assertThat(violations).extracting(ThrottleViolation::field).containsExactly(
                "mode", "minDelay", "maxDelay", "maxQueue", "batchSize",
                "cooldownMin", "cooldownMax");
    }

    @Test
    void reportsOnlyOneViolationPerField() {
        ThrottleSettings settings = SMART.withMinDelay(Duration.ofSeconds(5))
                .withMaxDelay(Duration.ofSeconds(-1));

        assertThat(settings.violations()).containsExactly(
                new ThrottleViolation("maxDelay", "must not be negative, was PT-1S"));
    }

    @Test
    void expectsNoGapWhenOff() {
        assertThat(ThrottleSettings.off().expectedGap()).isZero();
    }

    @Test
    void expectsExactlyMinDelayWhenFixed() {
        ThrottleSettings settings = SMART.withMode(ThrottleMode.FIXED);

        assertThat(settings.expectedGap()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void expectsTheMiddleOfTheRangeWhenRandom() {
        assertThat(ThrottleSettings.recommended().expectedGap())
                .isEqualTo(Duration.ofMillis(5_500));
    }

    @Test
    void spreadsTheMeanCooldownOverTheBatchWhenSmart() {
        // 5.5 s mean delay plus a 45 s mean cooldown shared by 10 sends.
        assertThat(SMART.expectedGap()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesToEstimateGapsOfInvalidSettings() {
        ThrottleSettings settings = SMART.withMaxDelay(null);

        assertThatThrownBy(settings::expectedGap)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maxDelay: is required");
    }

    static Stream<Arguments> durationFields() {
        return Stream.of(
                durationField("minDelay", ThrottleSettings::withMinDelay),
                durationField("maxDelay", ThrottleSettings::withMaxDelay),
                durationField("cooldownMin", ThrottleSettings::withCooldownMin),
                durationField("cooldownMax", ThrottleSettings::withCooldownMax));
    }

    private static Arguments durationField(
            String field, BiFunction<ThrottleSettings, Duration, ThrottleSettings> with) {
        return Arguments.of(field, with);
    }
}
