package dev.bouncer.host.inbound;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.provider.ProviderType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One event a provider posted, stored as received once its signature was checked and before
 * anything was done with it. The processor applies it later, retrying a bounded number of
 * times; nothing stored is ever deleted by processing.
 */
@Entity
@Table(name = "inbound_event")
class InboundEvent {

    private static final int MAX_ERROR = 1000;

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(nullable = false)
    private ProviderType provider;

    @Column(nullable = false)
    private InboundKind kind;

    /** The provider's id for this event; unique per instance and kind. */
    @Column(name = "dedupe_key", nullable = false)
    private String dedupeKey;

    /** The provider's JSON for this one event (or the raw body when it is not JSON). */
    @Column(nullable = false)
    private String payload;

    @Column(nullable = false)
    private InboundEventStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected InboundEvent() {
    }

    InboundEvent(String workspaceId, Environment environment, String instanceId,
            ProviderType provider, InboundItem item, Instant now) {
        this.id = Ids.next("inb");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.instanceId = instanceId;
        this.provider = provider;
        this.kind = item.kind();
        this.dedupeKey = item.dedupeKey();
        this.payload = item.payload();
        this.receivedAt = now;
        this.nextAttemptAt = now;
        this.status = InboundEventStatus.PENDING;
        if (item.kind() == InboundKind.UNREADABLE) {
            fail(item.skipReason(), now);
        } else if (item.skipReason() != null) {
            skip(item.skipReason(), now);
        }
    }

    void processed(Instant now) {
        finish(InboundEventStatus.PROCESSED, null, now);
    }

    void skip(String reason, Instant now) {
        finish(InboundEventStatus.SKIPPED, reason, now);
    }

    /** Failed for good: retrying cannot help. */
    void fail(String reason, Instant now) {
        finish(InboundEventStatus.FAILED, reason, now);
    }

    /**
     * An attempt failed: tried again after {@code delay} times the attempts so far, or failed
     * for good once {@code maxAttempts} are used up.
     */
    void attemptFailed(String reason, int maxAttempts, Duration delay, Instant now) {
        attempts++;
        if (attempts >= maxAttempts) {
            fail(reason + " (gave up after " + attempts + " attempts)", now);
            return;
        }
        this.lastError = truncate(reason);
        this.nextAttemptAt = now.plus(delay.multipliedBy(attempts));
    }

    private void finish(InboundEventStatus next, String reason, Instant now) {
        this.status = next;
        this.lastError = truncate(reason);
        this.processedAt = now;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_ERROR ? value : value.substring(0, MAX_ERROR);
    }

    boolean isPending() {
        return status == InboundEventStatus.PENDING;
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

    ProviderType getProvider() {
        return provider;
    }

    InboundKind getKind() {
        return kind;
    }

    String getDedupeKey() {
        return dedupeKey;
    }

    String getPayload() {
        return payload;
    }

    InboundEventStatus getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    String getLastError() {
        return lastError;
    }

    /** No payload: it holds message texts and numbers. */
    @Override
    public String toString() {
        return "InboundEvent[id=" + id + ", kind=" + kind.wire() + ", status=" + status.wire() + "]";
    }
}
