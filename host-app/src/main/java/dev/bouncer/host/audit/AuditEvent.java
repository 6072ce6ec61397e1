package dev.bouncer.host.audit;

import dev.bouncer.host.common.Cursor;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change to a workspace's settings, or one refusal worth an owner's attention. Written once,
 * never updated. {@code details} is a JSON object and never holds a secret or a secret's hash.
 */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private AuditAction action;

    @Column(nullable = false)
    private String actor;

    @Column(name = "key_id")
    private String keyId;

    @Column(nullable = false)
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(String workspaceId, Instant occurredAt, AuditAction action, String actor,
            String keyId, String details) {
        this.id = Ids.next("aud");
        this.workspaceId = workspaceId;
        this.occurredAt = occurredAt;
        this.action = action;
        this.actor = actor;
        this.keyId = keyId;
        this.details = details;
    }

    /** Where a page that ends on this event continues: newest first, then by id. */
    Cursor position() {
        return new Cursor(occurredAt, id);
    }

    String getId() {
        return id;
    }

    String getWorkspaceId() {
        return workspaceId;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    AuditAction getAction() {
        return action;
    }

    String getActor() {
        return actor;
    }

    String getKeyId() {
        return keyId;
    }

    String getDetails() {
        return details;
    }

    @Override
    public String toString() {
        return "AuditEvent[id=" + id + ", action=" + action.wire() + "]";
    }
}
