package dev.bouncer.host.event;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of thing that happen in a workspace and that webhook endpoints can subscribe to. */
public enum EventType {
    MESSAGE_RECEIVED("message.received"),
    MESSAGE_STATUS("message.status"),
    INSTANCE_STATUS("instance.status"),
    CONVERSATION_UPDATED("conversation.updated"),
    CONTACT_UPDATED("contact.updated");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<EventType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(value)).findFirst();
    }
}
