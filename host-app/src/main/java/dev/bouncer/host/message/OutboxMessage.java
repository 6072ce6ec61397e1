package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A message in the durable outbox. It is written in the same transaction that answers 202, and
 * every status change adds a timestamped entry to its history.
 */
@Entity
@Table(name = "outbox_message")
@NamedQuery(name = OutboxMessage.INSTANCES_WITH_QUEUE, query = "select distinct m.instanceId"
        + " from OutboxMessage m, Instance i where i.id = m.instanceId"
        + " and i.status = dev.bouncer.host.instance.InstanceStatus.CONNECTED"
        + " and m.status = dev.bouncer.host.message.MessageStatus.QUEUED")
public class OutboxMessage {

    /**
     * Ids of connected instances with queued messages: what the dispatcher's Camel JPA consumer
     * polls. Whether an instance may send now is decided per instance, under its row lock.
     */
    static final String INSTANCES_WITH_QUEUE = "OutboxMessage.instancesWithQueue";

    private static final int MAX_ERROR_MESSAGE = 1000;
    private static final int MAX_DETAIL = 500;

    @Id
    private String id;

    /** Assigned by the database on insert: a total order of acceptance. */
    @Generated(event = EventType.INSERT)
    @Column(name = "queue_seq", insertable = false, updatable = false)
    private Long queueSeq;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(nullable = false)
    private String recipient;

    /** The recipient's contact; null for messages accepted before contacts existed. */
    @Column(name = "contact_id")
    private String contactId;

    /** The conversation the message belongs to; null like {@code contactId}. */
    @Column(name = "conversation_id")
    private String conversationId;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private MessageStatus status;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Guards claims: two dispatchers racing for one message cannot both win. */
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "message_id", nullable = false)
    @OrderBy("id")
    private List<MessageStatusEvent> history = new ArrayList<>();

    protected OutboxMessage() {
    }

    OutboxMessage(String workspaceId, Environment environment, String instanceId,
            Addressee addressee, String body, Instant now) {
        this.id = Ids.next("msg");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.instanceId = instanceId;
        this.recipient = addressee.recipient();
        this.contactId = addressee.contactId();
        this.conversationId = addressee.conversationId();
        this.body = body;
        this.createdAt = now;
        moveTo(MessageStatus.QUEUED, null, now);
    }

    /** Taken by a dispatcher; an attempt starts now. */
    void claim(Instant now) {
        attempts++;
        moveTo(MessageStatus.SENDING, "attempt " + attempts, now);
    }

    void markSent(String providerMessageId, String note, Instant now) {
        this.providerMessageId = providerMessageId;
        moveTo(MessageStatus.SENT, note, now);
    }

    void markFailed(String code, String message, Instant now) {
        this.errorCode = code;
        this.errorMessage = truncate(message, MAX_ERROR_MESSAGE);
        moveTo(MessageStatus.FAILED, truncate(code + ": " + message, MAX_DETAIL), now);
    }

    /** Back to the queue when the outcome of an attempt is unknown, for example after a crash. */
    void requeue(String reason, Instant now) {
        moveTo(MessageStatus.QUEUED, reason, now);
    }

    /** A retryable failure: the message keeps its place at the head of its instance's queue. */
    void retryLater(String code, String message, Instant retryAt, Instant now) {
        moveTo(MessageStatus.QUEUED, truncate("retry at " + retryAt + " after " + code + ": "
                + message, MAX_DETAIL), now);
    }

    void expire(Instant now) {
        moveTo(MessageStatus.EXPIRED, "not sent within its time to live", now);
    }

    void cancel(Instant now) {
        moveTo(MessageStatus.CANCELLED, null, now);
    }

    void markDelivered(String detail, Instant now) {
        moveTo(MessageStatus.DELIVERED, detail, now);
    }

    /** A provider's receipt moved the status forward; the history keeps the provider's time. */
    void advanceByReceipt(MessageStatus next, String detail, Instant occurredAt, Instant now) {
        moveTo(next, detail, now);
        history.get(history.size() - 1).reportedAt(occurredAt);
    }

    /** A provider reported the message failed after it was sent. */
    void failByReceipt(String code, String message, Instant occurredAt, Instant now) {
        markFailed(code, message, now);
        history.get(history.size() - 1).reportedAt(occurredAt);
    }

    /**
     * A receipt that arrived too late to change the status (delivered after read, failed after
     * delivered): kept in the history only, so what the provider said is never lost.
     */
    void noteLateReceipt(MessageStatus reported, String detail, Instant occurredAt, Instant now) {
        this.updatedAt = now;
        history.add(new MessageStatusEvent(reported, truncate(detail, MAX_DETAIL), occurredAt));
    }

    private void moveTo(MessageStatus next, String detail, Instant now) {
        this.status = next;
        this.updatedAt = now;
        history.add(new MessageStatusEvent(next, detail, now));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public String getId() {
        return id;
    }

    Long getQueueSeq() {
        return queueSeq;
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

    String getRecipient() {
        return recipient;
    }

    String getContactId() {
        return contactId;
    }

    String getConversationId() {
        return conversationId;
    }

    String getBody() {
        return body;
    }

    MessageStatus getStatus() {
        return status;
    }

    String getProviderMessageId() {
        return providerMessageId;
    }

    String getErrorCode() {
        return errorCode;
    }

    String getErrorMessage() {
        return errorMessage;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    List<MessageStatusEvent> getHistory() {
        return history;
    }

    @Override
    public String toString() {
        return "OutboxMessage[id=" + id + ", status=" + status.wire() + "]";
    }

    /** Who a message goes to: the E.164 number, its contact and the conversation it joins. */
    record Addressee(String recipient, String contactId, String conversationId) {

        @Override
        public String toString() {
            return "Addressee[contactId=" + contactId + ", conversationId=" + conversationId + "]";
        }
    }
}
