package dev.bouncer.host.instance;

import dev.bouncer.camel.throttle.ThrottleState;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import dev.bouncer.host.provider.ProviderType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One connected WhatsApp number at a provider, in one workspace and environment. Updates write
 * only the columns that changed, so an owner's change and a dispatcher's never overwrite each
 * other's fields.
 */
@Entity
@DynamicUpdate
public class Instance {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private ProviderType provider;

    @Column(nullable = false)
    private InstanceStatus status;

    @Column(name = "status_reported_at")
    private Instant statusReportedAt;

    /** Non-secret provider settings as a JSON object. */
    @Column(name = "settings_json", nullable = false)
    private String settingsJson;

    /** Secret provider settings, encrypted by {@code SecretBox}; null when there are none. */
    @Column(name = "secrets_ciphertext")
    private String secretsCiphertext;

    /** This instance's throttle settings as JSON; null falls back to the workspace default. */
    @Column(name = "throttle_settings")
    private String throttleSettingsJson;

    /** Earliest start of the next send; written when a send starts, read by every node. */
    @Column(name = "next_send_at")
    private Instant nextSendAt;

    @Column(name = "batch_sent", nullable = false)
    private int batchSent;

    /** Retryable failures in a row; the backoff grows with it and a success resets it. */
    @Column(name = "retry_streak", nullable = false)
    private int retryStreak;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Instance() {
    }

    Instance(String workspaceId, Environment environment, String name, ProviderType provider,
            String settingsJson, String secretsCiphertext, Instant now) {
        this.id = Ids.next("ins");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.name = name;
        this.provider = provider;
        this.status = InstanceStatus.CONNECTED;
        this.settingsJson = settingsJson;
        this.secretsCiphertext = secretsCiphertext;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public Environment getEnvironment() {
        return environment;
    }

    public String getName() {
        return name;
    }

    public ProviderType getProvider() {
        return provider;
    }

    public InstanceStatus getStatus() {
        return status;
    }

    String getSettingsJson() {
        return settingsJson;
    }

    String getSecretsCiphertext() {
        return secretsCiphertext;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    /** Replaces the provider settings and the sealed secrets (null when there are none). */
    void changeConfig(String newSettingsJson, String newSecretsCiphertext, Instant now) {
        this.settingsJson = newSettingsJson;
        this.secretsCiphertext = newSecretsCiphertext;
        this.updatedAt = now;
    }

    public String getThrottleSettingsJson() {
        return throttleSettingsJson;
    }

    public void setThrottleSettingsJson(String throttleSettingsJson, Instant now) {
        this.throttleSettingsJson = throttleSettingsJson;
        this.updatedAt = now;
    }

    public ThrottleState throttleState() {
        return new ThrottleState(nextSendAt, batchSent);
    }

    /** Records the throttle state a send start produced. */
    public void throttleStateChanged(ThrottleState state) {
        this.nextSendAt = state.nextSendAt();
        this.batchSent = state.sentInBatch();
    }

    /**
     * Moves the next allowed send by how late a send started against its planned slot, so the
     * gap is measured between the actual starts of the provider calls.
     */
    public void shiftNextSend(Duration lateStart) {
        if (nextSendAt != null && !lateStart.isNegative() && !lateStart.isZero()) {
            nextSendAt = nextSendAt.plus(lateStart);
        }
    }

    /**
     * Brings the next allowed send forward to {@code latest} if it lies later: after a
     * throttle change, a gap drawn under the old settings must not outlast the new ones.
     */
    public void limitNextSend(Instant latest) {
        if (nextSendAt != null && nextSendAt.isAfter(latest)) {
            nextSendAt = latest;
        }
    }

    public int getRetryStreak() {
        return retryStreak;
    }

    /** A retryable failure: nothing is sent on this instance before {@code retryAt}. */
    public void retryAt(Instant retryAt) {
        retryStreak++;
        if (nextSendAt == null || nextSendAt.isBefore(retryAt)) {
            nextSendAt = retryAt;
        }
    }

    public void sendSucceeded() {
        retryStreak = 0;
    }

    /** Sends only go out while connected; any other status pauses the queue. */
    public boolean isAcceptingSends() {
        return status == InstanceStatus.CONNECTED;
    }

    /**
     * Whether a connection state the provider reported at {@code reportedAt} is older than the
     * last one applied from its reports, so that applying it would undo a newer report.
     */
    boolean isStaleReport(Instant reportedAt) {
        return statusReportedAt != null && reportedAt.isBefore(statusReportedAt);
    }

    void noteStatusReportedAt(Instant reportedAt) {
        this.statusReportedAt = reportedAt;
    }

    public void changeStatus(InstanceStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Instance[id=" + id + ", provider=" + provider.wire() + ", status=" + status.wire() + "]";
    }
}
