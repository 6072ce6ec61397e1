package dev.bouncer.host.message;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Lifecycle of an outbound message: {@code queued -> sending -> sent -> delivered -> read}, or
 * one of the ends {@code failed}, {@code expired}, {@code cancelled}.
 */
public enum MessageStatus {
    QUEUED("queued"),
    SENDING("sending"),
    SENT("sent"),
    DELIVERED("delivered"),
    READ("read"),
    FAILED("failed"),
    EXPIRED("expired"),
    CANCELLED("cancelled");

    private final String wire;

    MessageStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
