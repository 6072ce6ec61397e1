package dev.bouncer.host.message;

import java.time.Instant;

/** The 202 answer to a send: the message is stored and queued. */
record AcceptedMessage(String id, MessageStatus status, String to, String instanceId,
        Instant createdAt) {

    static AcceptedMessage of(OutboxMessage message) {
        return new AcceptedMessage(message.getId(), message.getStatus(), message.getRecipient(),
                message.getInstanceId(), message.getCreatedAt());
    }
}
