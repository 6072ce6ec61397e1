package dev.bouncer.host.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A message as {@code GET /api/v1/messages/{id}} shows it, with its status history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(String id, String instanceId, String to, String message,
        MessageStatus status, Long queuePosition, Instant estimatedSendAt,
        String providerMessageId, Error error, int attempts, Instant createdAt,
        Instant updatedAt, List<HistoryEntry> history) {

    /** The view; {@code estimate} is present while the message is queued. */
    static MessageView of(OutboxMessage message, QueueEstimate estimate) {
        Error error = message.getErrorCode() == null ? null
                : new Error(message.getErrorCode(), message.getErrorMessage());
        return new MessageView(message.getId(), message.getInstanceId(), message.getRecipient(),
                message.getBody(), message.getStatus(),
                estimate == null ? null : estimate.queuePosition(),
                estimate == null ? null : estimate.estimatedSendAt(),
                message.getProviderMessageId(), error, message.getAttempts(),
                message.getCreatedAt(), message.getUpdatedAt(),
                message.getHistory().stream().map(HistoryEntry::of).toList());
    }

    /** Why a message failed, in the provider's own code and words. */
    public record Error(String code, String message) {
    }

    /** One status change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(MessageStatus status, Instant at, String detail) {

        static HistoryEntry of(MessageStatusEvent event) {
            return new HistoryEntry(event.getStatus(), event.getOccurredAt(), event.getDetail());
        }
    }

    @Override
    public String toString() {
        return "MessageView[id=" + id + ", status=" + status.wire() + "]";
    }
}
