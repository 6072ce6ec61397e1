package dev.bouncer.host.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413 {@code payload_too_large}
 * @param maxWebhookBodySize largest provider webhook body accepted under {@code /webhooks/}:
 *     providers batch events and inline media, so theirs are larger than a client's requests
 */
@ConfigurationProperties("bouncer.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("256KB") DataSize maxWebhookBodySize) {
}
