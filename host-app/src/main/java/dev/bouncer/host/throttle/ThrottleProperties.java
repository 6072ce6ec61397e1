package dev.bouncer.host.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-wide throttle limits.
 *
 * @param offQueueLimit most messages that may wait on one instance whose throttle is
 *     {@code off}; the per-instance {@code maxQueue} applies to every other mode
 * @param startMargin added to every throttle gap (not to {@code off}): a provider call reaches
 *     the provider a few milliseconds after it starts, and not always equally fast, so without
 *     a margin the provider could see two sends a little closer than the gap
 */
@ConfigurationProperties("bouncer.throttle")
public record ThrottleProperties(
        @DefaultValue("10000") int offQueueLimit,
        @DefaultValue("10ms") Duration startMargin) {
}
