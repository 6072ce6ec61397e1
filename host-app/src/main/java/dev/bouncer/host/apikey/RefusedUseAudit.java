package dev.bouncer.host.apikey;

import dev.bouncer.host.audit.AuditAction;
import dev.bouncer.host.audit.AuditEntry;
import dev.bouncer.host.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records that an expired key, or a rolled secret past its grace period, was presented: the
 * owner learns that some client still uses it. At most one event per key per minute per node,
 * so a client retrying in a loop cannot flood the log; each in a transaction of its own, since
 * the request it belongs to changes nothing.
 */
@Component
class RefusedUseAudit {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(RefusedUseAudit.class);
    /** Above this many remembered keys, the ones outside the window are forgotten. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();
    private final AuditLog audit;

    RefusedUseAudit(AuditLog audit) {
        this.audit = audit;
    }

    void keyExpired(ApiKey key, Instant now) {
        record(key, now, Map.of("reason", "key_expired",
                "expiredAt", key.getExpiresAt().toString()));
    }

    void secretPastGrace(ApiKeySecret secret, Instant now) {
        record(secret.getKey(), now, Map.of("reason", "roll_grace_ended",
                "secretCreatedAt", secret.getCreatedAt().toString(),
                "secretExpiredAt", secret.getExpiresAt().toString()));
    }

    private void record(ApiKey key, Instant now, Map<String, String> details) {
        if (!claimWindow(key.getId(), now)) {
            return;
        }
        try {
            audit.recordAlone(new AuditEntry(key.getWorkspaceId(), now,
                    AuditAction.API_KEY_EXPIRED_USE_REFUSED, AuditLog.SYSTEM, key.getId(), details));
        } catch (RuntimeException failure) {
            // The request is refused all the same; only its trace in the log is lost.
            log.warn("Could not record a refused use of API key {}", key.getId(), failure);
        }
    }

    /** True when no event for the key was recorded on this node within the window. */
    private boolean claimWindow(String keyId, Instant now) {
        boolean[] claimed = {false};
        lastRecorded.compute(keyId, (id, last) -> {
            claimed[0] = last == null || !now.isBefore(last.plus(WINDOW));
            return claimed[0] ? now : last;
        });
        if (lastRecorded.size() > PRUNE_ABOVE) {
            lastRecorded.values().removeIf(last -> !now.isBefore(last.plus(WINDOW)));
        }
        return claimed[0];
    }
}
