package dev.bouncer.host.apikey;

import dev.bouncer.camel.throttle.Durations;
import dev.bouncer.host.audit.AuditAction;
import dev.bouncer.host.audit.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit events of key changes. Details name what changed in words an owner reads; they
 * never hold a key, a secret or a hash, only the display hint any key list shows.
 */
final class KeyAudit {

    private KeyAudit() {
    }

    static AuditEntry created(ApiKey key, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", key.getName());
        details.put("environment", key.getEnvironment().wire());
        details.put("permissions", wire(key.getPermissions()));
        details.put("keyHint", key.displayHint());
        if (key.getExpiresAt() != null) {
            details.put("expiresAt", key.getExpiresAt().toString());
        }
        return entry(key, key.getCreatedAt(), AuditAction.API_KEY_CREATED, actor, details);
    }

    static AuditEntry rolled(ApiKey key, String actor, Instant now, Duration grace,
            Instant oldSecretsEnd) {
        return entry(key, now, AuditAction.API_KEY_ROLLED, actor, Map.of(
                "gracePeriod", Durations.format(grace),
                "oldSecretExpiresAt", oldSecretsEnd.toString(),
                "keyHint", key.displayHint()));
    }

    /** {@code changes} maps each changed field to its value before and after. */
    static AuditEntry updated(ApiKey key, String actor, Instant now,
            Map<String, Map<String, Object>> changes) {
        return entry(key, now, AuditAction.API_KEY_UPDATED, actor, Map.of("changes", changes));
    }

    static AuditEntry revoked(ApiKey key, String actor) {
        return entry(key, key.getRevokedAt(), AuditAction.API_KEY_REVOKED, actor,
                Map.of("name", key.getName()));
    }

    static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    static List<String> wire(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wire).toList();
    }

    private static AuditEntry entry(ApiKey key, Instant at, AuditAction action, String actor,
            Map<String, ?> details) {
        return new AuditEntry(key.getWorkspaceId(), at, action, actor, key.getId(), details);
    }
}
