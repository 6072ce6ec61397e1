package dev.bouncer.host.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.Cursor;
import dev.bouncer.host.common.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a workspace's audit log, newest first, a page at a time. */
@Service
class AuditTrail {

    /** Before every stored event: the position the first page starts after. */
    private static final Cursor NEWEST = new Cursor(Instant.parse("9999-12-31T23:59:59Z"), "");

    private final AuditEventRepository events;
    private final ObjectMapper json;

    AuditTrail(AuditEventRepository events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** One page; an unknown key id, or one of another workspace, gives an empty page. */
    @Transactional(readOnly = true)
    Page<AuditEventView> page(String workspaceId, AuditQuery query) {
        Cursor after = query.page().after().orElse(NEWEST);
        Limit limit = Limit.of(query.page().fetchSize());
        List<AuditEvent> rows = query.keyId()
                .map(keyId -> events.findPageOfKey(workspaceId, keyId, after.at(), after.id(), limit))
                .orElseGet(() -> events.findPage(workspaceId, after.at(), after.id(), limit));
        return Page.of(rows, query.page().limit(), AuditEvent::position, this::view);
    }

    private AuditEventView view(AuditEvent event) {
        return new AuditEventView(event.getId(), event.getOccurredAt(), event.getAction().wire(),
                event.getActor(), event.getKeyId(), details(event));
    }

    private JsonNode details(AuditEvent event) {
        try {
            return json.readTree(event.getDetails());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit event " + event.getId() + " has no JSON details",
                    e);
        }
    }
}
