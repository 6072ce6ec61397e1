package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message a contact sent to an instance, as its provider's webhook reported it. */
@Entity
@Table(name = "inbound_message")
class InboundMessage {

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

    @Column(name = "conversation_id", nullable = false)
    private String conversationId;

    @Column(name = "provider_message_id", nullable = false)
    private String providerMessageId;

    /** The sender's number in E.164. */
    @Column(nullable = false)
    private String sender;

    @Column(nullable = false)
    private String type;

    /** The text, or a placeholder such as {@code [image]} for other types. */
    @Column(nullable = false)
    private String body;

    /** When the contact sent it, by the provider's clock. */
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InboundMessage() {
    }

    InboundMessage(String workspaceId, Environment environment, String instanceId, String contactId,
            String conversationId, InboundText text, String sender, Instant now) {
        this.id = Ids.next("imsg");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.instanceId = instanceId;
        this.contactId = contactId;
        this.conversationId = conversationId;
        this.providerMessageId = text.providerMessageId();
        this.sender = sender;
        this.type = text.type();
        this.body = text.text();
        this.receivedAt = text.sentAt();
        this.createdAt = now;
    }

    String getId() {
        return id;
    }

    String getConversationId() {
        return conversationId;
    }

    String getSender() {
        return sender;
    }

    String getType() {
        return type;
    }

    String getBody() {
        return body;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    @Override
    public String toString() {
        return "InboundMessage[id=" + id + ", type=" + type + "]";
    }
}
