package dev.bouncer.host.message;

import java.time.Instant;

/**
 * A message as a conversation lists it, in either direction. Outbound messages have
 * {@code to}, {@code status} and {@code createdAt}; inbound ones {@code from} and
 * {@code receivedAt}.
 */
public record ConversationMessage(String id, String direction, String to, String from,
        String type, String text, MessageStatus status, Instant createdAt, Instant receivedAt) {

    static final String OUTBOUND = "outbound";
    static final String INBOUND = "inbound";
    private static final String TEXT = "text";

    static ConversationMessage of(OutboxMessage message) {
        return new ConversationMessage(message.getId(), OUTBOUND, message.getRecipient(), null,
                TEXT, message.getBody(), message.getStatus(), message.getCreatedAt(), null);
    }

    static ConversationMessage of(InboundMessage message) {
        return new ConversationMessage(message.getId(), INBOUND, null, message.getSender(),
                message.getType(), message.getBody(), null, null, message.getReceivedAt());
    }

    /** Where the message stands in the thread: when it was accepted, or when it was sent to us. */
    Instant sortTime() {
        return receivedAt != null ? receivedAt : createdAt;
    }

    /** No text and no number: message bodies stay out of logs. */
    @Override
    public String toString() {
        return "ConversationMessage[id=" + id + ", direction=" + direction + "]";
    }
}
