package dev.bouncer.host.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The 202 answer to a send: the message is stored and queued. {@code estimatedSendAt} is left
 * out while the instance is paused, since nobody can know it then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AcceptedMessage(String id, MessageStatus status, String to, String instanceId,
        Long queuePosition, Instant estimatedSendAt, Instant createdAt) {

    static AcceptedMessage of(OutboxService.Enqueued enqueued) {
        OutboxMessage message = enqueued.message();
        QueueEstimate estimate = enqueued.estimate();
        return new AcceptedMessage(message.getId(), message.getStatus(), message.getRecipient(),
                message.getInstanceId(), estimate == null ? null : estimate.queuePosition(),
                estimate == null ? null : estimate.estimatedSendAt(), message.getCreatedAt());
    }
}
