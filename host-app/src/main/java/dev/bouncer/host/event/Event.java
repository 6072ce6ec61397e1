package dev.bouncer.host.event;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something that happened in a workspace, kept in the order it happened. Outgoing webhooks
 * deliver these; writing one in the transaction of the change it describes means an event is
 * recorded exactly when its change commits.
 */
@Entity
@Table(name = "workspace_event")
public class Event {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(nullable = false)
    private EventType type;

    /** The event's data as a JSON object, in the shape webhook payloads carry. */
    @Column(name = "data", nullable = false)
    private String dataJson;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected Event() {
    }

    Event(String workspaceId, Environment environment, EventType type, String dataJson,
            Instant occurredAt) {
        this.id = Ids.next("evt");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.type = type;
        this.dataJson = dataJson;
        this.occurredAt = occurredAt;
    }

    public String getId() {
        return id;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public Environment getEnvironment() {
        return environment;
    }

    public EventType getType() {
        return type;
    }

    public String getDataJson() {
        return dataJson;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", type=" + type.wire() + "]";
    }
}
