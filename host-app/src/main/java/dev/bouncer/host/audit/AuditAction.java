package dev.bouncer.host.audit;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an audit event records; the wire name is what the API shows and the database stores. */
public enum AuditAction {
    API_KEY_CREATED("api_key.created"),
    API_KEY_ROLLED("api_key.rolled"),
    API_KEY_UPDATED("api_key.updated"),
    API_KEY_REVOKED("api_key.revoked"),
    /** A presented key, or a rolled secret, past its end; recorded by the system, not a person. */
    API_KEY_EXPIRED_USE_REFUSED("api_key.expired_use_refused");

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
