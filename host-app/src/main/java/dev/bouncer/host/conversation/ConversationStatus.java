package dev.bouncer.host.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a conversation stands. {@code open}, {@code pending} and {@code resolved} are active:
 * new messages join them. {@code closed} is final: the next message starts a new conversation.
 */
enum ConversationStatus {
    OPEN("open"),
    PENDING("pending"),
    RESOLVED("resolved"),
    CLOSED("closed");

    private final String wire;

    ConversationStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    static Optional<ConversationStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(status -> status.wire.equals(value)).findFirst();
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(ConversationStatus::wire).toList());
    }
}
