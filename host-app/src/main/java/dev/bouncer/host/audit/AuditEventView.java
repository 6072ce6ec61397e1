package dev.bouncer.host.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An audit event as the owner sees it; {@code keyId} is null for events about no key. */
record AuditEventView(String id, Instant occurredAt, String action, String actor,
        @JsonInclude(JsonInclude.Include.ALWAYS) String keyId, JsonNode details) {
}
