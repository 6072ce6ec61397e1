package dev.bouncer.host.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox dispatcher polls and recovers.
 *
 * @param pollInterval pause between two polls of the outbox for queued messages
 * @param batchSize most queued messages taken in one poll
 * @param attemptLease how long an attempt may go without an outcome before the message is put
 *     back in the queue; longer than the provider connect plus response timeout
 */
@ConfigurationProperties("bouncer.dispatch")
public record DispatchProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration attemptLease) {
}
