package dev.bouncer.camel.throttle;

import java.util.Locale;
import java.util.Optional;

/** How sends on one instance are paced, as stored and exchanged on the wire. */
public enum ThrottleMode {
    /** No gap: as fast as the provider accepts. */
    OFF,
    /** Exactly {@code minDelay} between two sends. */
    FIXED,
    /** A gap drawn uniformly from {@code [minDelay, maxDelay]}. */
    RANDOM,
    /** As {@link #RANDOM}, plus a cooldown after every {@code batchSize} sends. */
    SMART;

    /** The lower-case name used in JSON and in stored settings. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode with this wire name; empty for null or an unknown name. Matching is exact
     * (lower case), so stored settings only ever hold one spelling per mode.
     */
    public static Optional<ThrottleMode> fromWire(String wire) {
        for (ThrottleMode mode : values()) {
            if (mode.wire().equals(wire)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
