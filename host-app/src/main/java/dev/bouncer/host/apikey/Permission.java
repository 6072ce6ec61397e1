package dev.bouncer.host.apikey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What an API key may do; a key holds any non-empty subset. */
public enum Permission {
    MESSAGE_SEND("message:send"),
    INSTANCE_READ("instance:read"),
    CONVERSATION_MANAGE("conversation:manage"),
    CONTACT_READ("contact:read"),
    CONTACT_WRITE("contact:write");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<Permission> fromWire(String value) {
        return Arrays.stream(values()).filter(permission -> permission.wire.equals(value))
                .findFirst();
    }
}
