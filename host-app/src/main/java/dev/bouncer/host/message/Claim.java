package dev.bouncer.host.message;

import java.time.Instant;
import java.util.Optional;

/**
 * What claiming the head of an instance's queue gave: a job to send now, the time the throttle
 * allows the next send, or nothing to do (empty queue, paused instance, a send in flight).
 */
record Claim(SendJob job, Instant notBefore) {

    static Claim of(SendJob job) {
        return new Claim(job, null);
    }

    static Claim notBefore(Instant notBefore) {
        return new Claim(null, notBefore);
    }

    static Claim nothing() {
        return new Claim(null, null);
    }

    Optional<SendJob> sendJob() {
        return Optional.ofNullable(job);
    }
}
