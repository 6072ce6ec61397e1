package dev.bouncer.host.provider;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The WhatsApp providers Bouncer can send through, by their wire names. */
public enum ProviderType {
    CLOUD_API("cloud-api"),
    EVOLUTION("evolution"),
    WAHA("waha"),
    SANDBOX("sandbox");

    private final String wire;

    ProviderType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<ProviderType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(value)).findFirst();
    }
}
