package dev.bouncer.host.instance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the host app asks providers whether each live instance is connected.
 *
 * @param interval time between two rounds of checks (at least 100ms); {@code 0} turns them off
 * @param parallelism checks running at once, so one slow provider holds up no other instance
 */
@ConfigurationProperties("bouncer.health")
public record HealthProperties(
        @DefaultValue("60s") Duration interval,
        @DefaultValue("4") int parallelism) {

    /** Shorter rounds would only load the providers; tests drive checks directly. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public HealthProperties {
        if (interval != null && !interval.isZero() && interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("bouncer.health.interval must be 0 (off) or at least "
                    + MIN_INTERVAL.toMillis() + "ms");
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("bouncer.health.parallelism must be 1 to 64");
        }
    }

    /** False when checks are turned off (an interval of 0; null only when built by hand). */
    public boolean enabled() {
        return interval != null && !interval.isZero();
    }
}
