package dev.bouncer.host.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How stored provider webhooks are processed.
 *
 * @param pollInterval pause between two polls for stored webhook events to apply
 * @param batchSize most events applied per poll
 * @param maxAttempts attempts before an event that keeps failing is marked failed
 * @param retryDelay wait before the second attempt; the n-th waits n times as long
 * @param parkedReceiptTtl how long a receipt for an unknown provider message id waits for its
 *     send before it is forgotten (it was probably sent outside Bouncer)
 */
@ConfigurationProperties("bouncer.inbound")
record InboundProperties(
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("24h") Duration parkedReceiptTtl) {

    InboundProperties {
        if (pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("bouncer.inbound.poll-interval must be at least 10ms");
        }
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "bouncer.inbound.batch-size and bouncer.inbound.max-attempts must be at least 1");
        }
        if (retryDelay.isNegative() || parkedReceiptTtl.isNegative()) {
            throw new IllegalArgumentException(
                    "bouncer.inbound.retry-delay and bouncer.inbound.parked-receipt-ttl must not be negative");
        }
    }
}
