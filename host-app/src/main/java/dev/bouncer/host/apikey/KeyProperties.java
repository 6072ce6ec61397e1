package dev.bouncer.host.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API key settings.
 *
 * @param lastUsedFlushInterval how often each node writes the {@code lastUsedAt} times it saw
 *     to the database; a key's {@code lastUsedAt} lags its real last use by up to this much
 */
@ConfigurationProperties("bouncer.keys")
public record KeyProperties(@DefaultValue("60s") Duration lastUsedFlushInterval) {

    public KeyProperties {
        if (lastUsedFlushInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException(
                    "bouncer.keys.last-used-flush-interval must be at least 100ms, got "
                            + lastUsedFlushInterval);
        }
    }
}
