package dev.bouncer.host.message;

import java.time.Instant;

/**
 * A message as a conversation lists it. Every message is outbound until inbound messages
 * arrive with provider webhooks.
 */
public record ConversationMessage(String id, String direction, String to, String text,
        MessageStatus status, Instant createdAt) {

    static final String OUTBOUND = "outbound";

    static ConversationMessage of(OutboxMessage message) {
        return new ConversationMessage(message.getId(), OUTBOUND, message.getRecipient(),
                message.getBody(), message.getStatus(), message.getCreatedAt());
    }

    /** No text and no number: message bodies stay out of logs. */
    @Override
    public String toString() {
        return "ConversationMessage[id=" + id + ", status=" + status.wire() + "]";
    }
}
