package dev.bouncer.host.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox dispatcher polls, sends, retries and recovers.
 *
 * @param pollInterval longest pause between two polls of the outbox when nothing is due; a
 *     send accepted on this node or a throttle gap ending wakes the dispatcher earlier
 * @param workers provider calls in flight at once, across instances (one per instance)
 * @param attemptLease how long an attempt may go without an outcome before the message is put
 *     back in the queue; longer than the provider connect plus response timeout
 * @param messageTtl queued messages older than this expire instead of being sent
 * @param maxAttempts attempts before a message that keeps failing retryably is failed
 * @param retryBaseDelay backoff after the first retryable failure; it doubles each time
 * @param retryMaxDelay longest backoff between two attempts
 */
@ConfigurationProperties("bouncer.dispatch")
public record DispatchProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("8") int workers,
        @DefaultValue("2m") Duration attemptLease,
        @DefaultValue("24h") Duration messageTtl,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration retryBaseDelay,
        @DefaultValue("5m") Duration retryMaxDelay) {
}
