package dev.bouncer.camel.throttle;

import java.time.Instant;

/**
 * What must survive a restart for one instance: when its next send may start and how many
 * sends the current SMART batch holds so far.
 *
 * @param nextSendAt the earliest start of the next send; null when nothing holds it back
 * @param sentInBatch sends so far in the current batch; always 0 outside SMART mode
 */
public record ThrottleState(Instant nextSendAt, int sentInBatch) {

    /** A fresh instance: may send at once, no batch started. */
    public static final ThrottleState INITIAL = new ThrottleState(null, 0);

    public ThrottleState {
        if (sentInBatch < 0) {
            throw new IllegalArgumentException(
                    "sentInBatch must not be negative, was " + sentInBatch);
        }
    }
}
