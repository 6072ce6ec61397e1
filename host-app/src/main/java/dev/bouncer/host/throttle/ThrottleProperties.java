package dev.bouncer.host.throttle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-wide throttle limits.
 *
 * @param offQueueLimit most messages that may wait on one instance whose throttle is
 *     {@code off}; the per-instance {@code maxQueue} applies to every other mode
 */
@ConfigurationProperties("bouncer.throttle")
public record ThrottleProperties(@DefaultValue("10000") int offQueueLimit) {
}
