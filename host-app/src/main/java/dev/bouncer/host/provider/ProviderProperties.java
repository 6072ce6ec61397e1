package dev.bouncer.host.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP limits for calls to providers.
 *
 * @param connectTimeout how long to wait for a TCP connection to a provider
 * @param responseTimeout how long to wait for a provider's answer once connected
 */
@ConfigurationProperties("bouncer.providers")
public record ProviderProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout) {
}
