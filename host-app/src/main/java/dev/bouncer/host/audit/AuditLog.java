package dev.bouncer.host.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log. A change records its event in the change's own transaction, so there is
 * never a change without its event or an event without its change. Callers pass details that
 * hold no secret and no secret's hash: the log is shown to every owner of the workspace.
 */
@Service
public class AuditLog {

    /** The actor of events no person caused. */
    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final ObjectMapper json;

    AuditLog(AuditEventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** Records an event of the change in progress; there must be a transaction to join. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditEntry entry) {
        write(entry);
    }

    /** Records an event that belongs to no change, such as a refused request, on its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(AuditEntry entry) {
        write(entry);
    }

    private void write(AuditEntry entry) {
        events.save(new AuditEvent(entry.workspaceId(), entry.occurredAt(), entry.action(),
                entry.actor(), entry.keyId(), toJson(entry.details())));
    }

    private String toJson(Map<String, ?> details) {
        try {
            // Sorted, so the same details always read the same.
            return json.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details did not serialise", e);
        }
    }
}
