package dev.bouncer.host.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Live or test. Data is partitioned by it: a test key sees only test data and only the sandbox
 * provider, so it can never cause a real WhatsApp message.
 */
public enum Environment {
    LIVE("live"),
    TEST("test");

    private final String wire;

    Environment(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<Environment> fromWire(String value) {
        return Arrays.stream(values()).filter(env -> env.wire.equals(value)).findFirst();
    }
}
