package dev.bouncer.host.instance;

import com.fasterxml.jackson.annotation.JsonValue;

/** Connection state of an instance's WhatsApp number at its provider. */
public enum InstanceStatus {
    CONNECTED("connected"),
    CONNECTING("connecting"),
    QR_REQUIRED("qr_required"),
    DISCONNECTED("disconnected"),
    BLOCKED("blocked");

    private final String wire;

    InstanceStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
