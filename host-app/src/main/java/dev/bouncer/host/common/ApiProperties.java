package dev.bouncer.host.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize largest request body accepted; larger ones get 413 {@code payload_too_large}
 */
@ConfigurationProperties("bouncer.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
