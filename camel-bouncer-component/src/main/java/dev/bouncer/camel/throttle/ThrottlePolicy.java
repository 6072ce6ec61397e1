package dev.bouncer.camel.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides when the next send on one instance may start, given its persisted
 * {@link ThrottleState}; pure and deterministic, since time and randomness are passed in.
 *
 * <p>Gaps are measured between the starts of consecutive sends. The policy keeps nothing
 * between calls except the random generator, so a policy built after a restart from the same
 * settings honours a persisted state, a cooldown in progress included. Not thread-safe when
 * the generator is not: use one policy per dispatching thread, or a thread-safe generator.
 */
public final class ThrottlePolicy {

    private final ThrottleSettings settings;
    private final RandomGenerator random;

    /**
     * @throws IllegalArgumentException when the settings have
     *     {@link ThrottleSettings#violations()}, all of which the message lists
     */
    public ThrottlePolicy(ThrottleSettings settings, RandomGenerator random) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(random, "random");
        List<ThrottleViolation> violations = settings.violations();
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid throttle settings: " + ThrottleSettings.describe(violations));
        }
        this.settings = settings;
        this.random = random;
    }

    /** The earliest moment, not before {@code now}, at which the next send may start. */
    public Instant earliestSend(ThrottleState state, Instant now) {
        Objects.requireNonNull(now, "now");
        return canSendAt(state, now) ? now : state.nextSendAt();
    }

    /** Whether a send may start at {@code now}. */
    public boolean canSendAt(ThrottleState state, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        Instant nextSendAt = state.nextSendAt();
        return nextSendAt == null || !now.isBefore(nextSendAt);
    }

    /**
     * The state after a send started at {@code sendStart}: draws the gap to the next send, and
     * in SMART mode counts the send and adds a cooldown when it completes a batch. The gap is
     * measured from the actual start, even if the caller started earlier than allowed.
     */
    public ThrottleState afterSendStarted(ThrottleState state, Instant sendStart) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sendStart, "sendStart");
        return switch (settings.mode()) {
            case OFF -> new ThrottleState(sendStart, 0);
            case FIXED -> new ThrottleState(sendStart.plus(settings.minDelay()), 0);
            case RANDOM -> new ThrottleState(sendStart.plus(drawDelay()), 0);
            case SMART -> afterSmartSend(state, sendStart);
        };
    }

    /**
     * When the message at queue {@code position} (1 = next to go) is expected to start, from
     * mean gaps and, in SMART mode, the mean cooldowns that fall before it; for display only.
     *
     * @throws IllegalArgumentException when position is below 1
     */
    public Instant estimateSendAt(ThrottleState state, Instant now, int position) {
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1, was " + position);
        }

        Instant first = earliestSend(state, now);
        int gapsBefore = position - 1;
        if (settings.mode() != ThrottleMode.SMART) {
            return first.plus(settings.expectedGap().multipliedBy(gapsBefore));
        }
        // The k-th send from now ends a batch when pending + k is a multiple of batchSize.
        long cooldownsBefore = (pendingInBatch(state) + (long) gapsBefore) / settings.batchSize();
        return first.plus(settings.meanDelay().multipliedBy(gapsBefore))
                .plus(settings.meanCooldown().multipliedBy(cooldownsBefore));
    }

    private ThrottleState afterSmartSend(ThrottleState state, Instant sendStart) {
        int sentInBatch = state.sentInBatch() + 1;
        Duration gap = drawDelay();

        // >=, not ==: a state persisted under a larger batchSize ends its batch at once.
        boolean batchComplete = sentInBatch >= settings.batchSize();
        if (batchComplete) {
            gap = gap.plus(draw(settings.cooldownMin(), settings.cooldownMax()));
            sentInBatch = 0;
        }
        return new ThrottleState(sendStart.plus(gap), sentInBatch);
    }

    /** Sends already in the batch, capped as {@link #afterSmartSend} treats an overfull one. */
    private int pendingInBatch(ThrottleState state) {
        return Math.min(state.sentInBatch(), settings.batchSize() - 1);
    }

    private Duration drawDelay() {
        return draw(settings.minDelay(), settings.maxDelay());
    }

    /** Uniform in [low, high], both inclusive, at millisecond resolution. */
    private Duration draw(Duration low, Duration high) {
        long millis = random.nextLong(low.toMillis(), high.toMillis() + 1);
        return Duration.ofMillis(millis);
    }
}
