package dev.bouncer.host.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A receipt for a provider message id that no outbox message carries yet: the provider's
 * webhook overtook the answer to the send. Applied once the send's outcome records the id.
 */
@Entity
@Table(name = "parked_receipt")
class ParkedReceipt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(name = "provider_message_id", nullable = false)
    private String providerMessageId;

    @Column(nullable = false)
    private MessageStatus status;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "parked_at", nullable = false)
    private Instant parkedAt;

    protected ParkedReceipt() {
    }

    ParkedReceipt(String instanceId, ProviderReceipt receipt, Instant now) {
        this.instanceId = instanceId;
        this.providerMessageId = receipt.providerMessageId();
        this.status = receipt.status();
        this.errorCode = receipt.errorCode();
        this.errorMessage = receipt.errorMessage();
        this.occurredAt = receipt.occurredAt();
        this.parkedAt = now;
    }

    ProviderReceipt receipt() {
        return new ProviderReceipt(providerMessageId, status, occurredAt, errorCode, errorMessage);
    }

    String getInstanceId() {
        return instanceId;
    }
}
