package dev.bouncer.host.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One timestamped step in a message's status history. */
@Entity
@Table(name = "message_status_event")
class MessageStatusEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private MessageStatus status;

    @Column
    private String detail;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected MessageStatusEvent() {
    }

    MessageStatusEvent(MessageStatus status, String detail, Instant occurredAt) {
        this.status = status;
        this.detail = detail;
        this.occurredAt = occurredAt;
    }

    /** Dates the step at the provider's timestamp instead of the moment it was recorded. */
    void reportedAt(Instant providerTime) {
        this.occurredAt = providerTime;
    }

    MessageStatus getStatus() {
        return status;
    }

    String getDetail() {
        return detail;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }
}
