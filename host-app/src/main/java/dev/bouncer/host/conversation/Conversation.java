package dev.bouncer.host.conversation;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * The thread between one instance and one contact. While it is not closed it holds its
 * {@code activeKey}, which the schema keeps unique: one active conversation per instance and
 * contact. Closing clears the key, so closed conversations pile up while a new one starts.
 */
@Entity
@DynamicUpdate
class Conversation {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(name = "contact_id", nullable = false)
    private String contactId;

    @Column(nullable = false)
    private ConversationStatus status;

    /** Who handles it; free-form until Bouncer has agents. */
    @Column
    private String assignee;

    @Column(name = "active_key")
    private String activeKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    protected Conversation() {
    }

    /** A new open conversation, started by a message at {@code now}. */
    Conversation(String workspaceId, Environment environment, String instanceId, String contactId,
            Instant now) {
        this.id = Ids.next("conv");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.instanceId = instanceId;
        this.contactId = contactId;
        this.status = ConversationStatus.OPEN;
        this.activeKey = activeKey(instanceId, contactId);
        this.createdAt = now;
        this.updatedAt = now;
        this.lastMessageAt = now;
    }

    /** The value that makes the active conversation of an instance and contact unique. */
    static String activeKey(String instanceId, String contactId) {
        return instanceId + ":" + contactId;
    }

    /** A message went out: the conversation moves up the inbox, its status stays. */
    void outboundAdded(Instant now) {
        lastMessageAt = now;
        updatedAt = now;
    }

    /** The contact wrote: a resolved conversation needs attention again. */
    void inboundAdded(Instant now) {
        if (status == ConversationStatus.RESOLVED) {
            moveTo(ConversationStatus.OPEN);
        }
        lastMessageAt = now;
        updatedAt = now;
    }

    /** Takes the new status and assignee; {@code updated_at} moves only if one differs. */
    boolean update(ConversationStatus nextStatus, String nextAssignee, Instant now) {
        boolean changed = nextStatus != status || !Objects.equals(nextAssignee, assignee);
        if (changed) {
            moveTo(nextStatus);
            assignee = nextAssignee;
            updatedAt = now;
        }
        return changed;
    }

    private void moveTo(ConversationStatus next) {
        status = next;
        activeKey = next == ConversationStatus.CLOSED ? null : activeKey(instanceId, contactId);
    }

    boolean isClosed() {
        return status == ConversationStatus.CLOSED;
    }

    String getId() {
        return id;
    }

    String getWorkspaceId() {
        return workspaceId;
    }

    Environment getEnvironment() {
        return environment;
    }

    String getInstanceId() {
        return instanceId;
    }

    String getContactId() {
        return contactId;
    }

    ConversationStatus getStatus() {
        return status;
    }

    String getAssignee() {
        return assignee;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Instant getLastMessageAt() {
        return lastMessageAt;
    }

    @Override
    public String toString() {
        return "Conversation[id=" + id + ", status=" + status.wire() + "]";
    }
}
