package dev.bouncer.camel.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Immutable throttle settings of one instance (or a workspace default); start from
 * {@link #off()} or {@link #recommended()} and change fields with the {@code with...} methods so
 * that unset fields keep their documented defaults.
 *
 * <p>The constructor accepts anything, nulls included, so that settings read from JSON can be
 * checked with {@link #violations()}, which names every bad field at once. All fields are
 * validated in every mode, so a user switching modes keeps values that are already valid.
 *
 * @param mode how sends are paced
 * @param minDelay the gap in FIXED mode, the shortest gap in RANDOM and SMART
 * @param maxDelay the longest gap in RANDOM and SMART; ignored otherwise
 * @param maxQueue how many messages may wait on the instance; one more is refused
 * @param batchSize SMART only: sends between two cooldowns
 * @param cooldownMin SMART only: the shortest cooldown added after a batch
 * @param cooldownMax SMART only: the longest cooldown added after a batch
 */
public record ThrottleSettings(ThrottleMode mode, Duration minDelay, Duration maxDelay,
        int maxQueue, int batchSize, Duration cooldownMin, Duration cooldownMax) {

    public static final Duration DEFAULT_MIN_DELAY = Duration.ofSeconds(3);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(8);
    public static final int DEFAULT_MAX_QUEUE = 20;
    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final Duration DEFAULT_COOLDOWN_MIN = Duration.ofSeconds(30);
    public static final Duration DEFAULT_COOLDOWN_MAX = Duration.ofSeconds(60);

    /** Longer gaps look like a stuck queue, not like pacing. */
    public static final Duration LONGEST_DELAY = Duration.ofHours(1);
    /** A day is the longest pause that still reads as a cooldown rather than a stop. */
    public static final Duration LONGEST_COOLDOWN = Duration.ofHours(24);
    /** Keeps one instance's backlog, and the estimates shown for it, bounded. */
    public static final int LARGEST_MAX_QUEUE = 100_000;
    public static final int LARGEST_BATCH_SIZE = 10_000;

    /** No throttling; every other field at its default, ready for a switch of mode. */
    public static ThrottleSettings off() {
        return new ThrottleSettings(ThrottleMode.OFF, DEFAULT_MIN_DELAY, DEFAULT_MAX_DELAY,
                DEFAULT_MAX_QUEUE, DEFAULT_BATCH_SIZE, DEFAULT_COOLDOWN_MIN, DEFAULT_COOLDOWN_MAX);
    }

    /** The recommended preset: RANDOM gaps of 3 to 8 s and at most 20 waiting messages. */
    public static ThrottleSettings recommended() {
        return off().withMode(ThrottleMode.RANDOM);
    }

    public ThrottleSettings withMode(ThrottleMode value) {
        return new ThrottleSettings(value, minDelay, maxDelay, maxQueue, batchSize,
                cooldownMin, cooldownMax);
    }

    public ThrottleSettings withMinDelay(Duration value) {
        return new ThrottleSettings(mode, value, maxDelay, maxQueue, batchSize,
                cooldownMin, cooldownMax);
    }

    public ThrottleSettings withMaxDelay(Duration value) {
        return new ThrottleSettings(mode, minDelay, value, maxQueue, batchSize,
                cooldownMin, cooldownMax);
    }

    public ThrottleSettings withMaxQueue(int value) {
        return new ThrottleSettings(mode, minDelay, maxDelay, value, batchSize,
                cooldownMin, cooldownMax);
    }

    public ThrottleSettings withBatchSize(int value) {
        return new ThrottleSettings(mode, minDelay, maxDelay, maxQueue, value,
                cooldownMin, cooldownMax);
    }

    public ThrottleSettings withCooldownMin(Duration value) {
        return new ThrottleSettings(mode, minDelay, maxDelay, maxQueue, batchSize,
                value, cooldownMax);
    }

    public ThrottleSettings withCooldownMax(Duration value) {
        return new ThrottleSettings(mode, minDelay, maxDelay, maxQueue, batchSize,
                cooldownMin, value);
    }

    /** Every invalid field with a message, in field order; empty when the settings are valid. */
    public List<ThrottleViolation> violations() {
        List<ThrottleViolation> violations = new ArrayList<>();
        if (mode == null) {
            violations.add(
                    new ThrottleViolation("mode", "must be one of off, fixed, random, smart"));
        }

        checkDelays(violations);
        checkCount(violations, "maxQueue", maxQueue, LARGEST_MAX_QUEUE);
        checkCount(violations, "batchSize", batchSize, LARGEST_BATCH_SIZE);
        checkCooldowns(violations);
        return List.copyOf(violations);
    }

    /**
     * The expected (mean) gap between the starts of two sends, with SMART's mean cooldown
     * spread over its batch; ZERO for OFF. For estimates only: real gaps are drawn.
     *
     * @throws IllegalStateException when the settings have {@link #violations()}
     */
    public Duration expectedGap() {
        requireValid();
        return switch (mode) {
            case OFF -> Duration.ZERO;
            case FIXED -> minDelay;
            case RANDOM -> meanDelay();
            case SMART -> meanDelay().plus(meanCooldown().dividedBy(batchSize));
        };
    }

    Duration meanDelay() {
        return minDelay.plus(maxDelay).dividedBy(2);
    }

    Duration meanCooldown() {
        return cooldownMin.plus(cooldownMax).dividedBy(2);
    }

    /** Violations as one line, e.g. for an exception message. */
    static String describe(List<ThrottleViolation> violations) {
        return violations.stream().map(ThrottleViolation::toString)
                .collect(Collectors.joining("; "));
    }

    private void requireValid() {
        List<ThrottleViolation> violations = violations();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Invalid throttle settings: " + describe(violations));
        }
    }

    private void checkDelays(List<ThrottleViolation> violations) {
        // Non-short-circuit &: both fields are reported, not just the first bad one.
        boolean comparable = checkDuration(violations, "minDelay", minDelay, LONGEST_DELAY)
                & checkDuration(violations, "maxDelay", maxDelay, LONGEST_DELAY);
        if (comparable && drawsDelays() && minDelay.compareTo(maxDelay) > 0) {
            violations.add(notBelow("maxDelay", "minDelay", minDelay, maxDelay));
        }
    }

    private void checkCooldowns(List<ThrottleViolation> violations) {
        boolean comparable = checkDuration(violations, "cooldownMin", cooldownMin, LONGEST_COOLDOWN)
                & checkDuration(violations, "cooldownMax", cooldownMax, LONGEST_COOLDOWN);
        if (comparable && mode == ThrottleMode.SMART && cooldownMin.compareTo(cooldownMax) > 0) {
            violations.add(notBelow("cooldownMax", "cooldownMin", cooldownMin, cooldownMax));
        }
    }

    private boolean drawsDelays() {
        return mode == ThrottleMode.RANDOM || mode == ThrottleMode.SMART;
    }

    /** Adds at most one violation for the field; true when the value can be compared. */
    private static boolean checkDuration(
            List<ThrottleViolation> violations, String field, Duration value, Duration longest) {
        String problem = null;
        if (value == null) {
            problem = "is required";
        } else if (value.isNegative()) {
            problem = "must not be negative, was " + Durations.format(value);
        } else if (value.compareTo(longest) > 0) {
            problem = "must be at most " + Durations.format(longest)
                    + ", was " + Durations.format(value);
        }
        if (problem != null) {
            violations.add(new ThrottleViolation(field, problem));
        }
        return problem == null;
    }

    private static void checkCount(
            List<ThrottleViolation> violations, String field, int value, int largest) {
        if (value < 1 || value > largest) {
            violations.add(new ThrottleViolation(field,
                    "must be between 1 and " + largest + ", was " + value));
        }
    }

    private static ThrottleViolation notBelow(
            String field, String lowerField, Duration lower, Duration value) {
        return new ThrottleViolation(field, "must be at least " + lowerField
                + " (" + Durations.format(lower) + "), was " + Durations.format(value));
    }
}
