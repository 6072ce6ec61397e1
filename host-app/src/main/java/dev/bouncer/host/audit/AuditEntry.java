package dev.bouncer.host.audit;

import java.time.Instant;
import java.util.Map;

/**
 * An event to record. {@code occurredAt} is the time of the change itself, so an event's time
 * equals the {@code revokedAt} or {@code createdAt} it explains. {@code keyId} may be null.
 */
public record AuditEntry(String workspaceId, Instant occurredAt, AuditAction action,
        String actor, String keyId, Map<String, ?> details) {

    public AuditEntry {
        details = Map.copyOf(details);
    }
}
