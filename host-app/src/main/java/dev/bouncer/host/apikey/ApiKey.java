package dev.bouncer.host.apikey;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A stored API key: what it may do and its state. Its secrets, never stored themselves, are
 * {@link ApiKeySecret} rows; the key keeps only the display hint of the newest one.
 */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private Environment environment;

    @Convert(converter = PermissionsConverter.class)
    @Column(nullable = false)
    private Set<Permission> permissions;

    @Column(name = "display_prefix", nullable = false)
    private String displayPrefix;

    @Column(name = "display_suffix", nullable = false)
    private String displaySuffix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The owner's email; null only for keys made before keys recorded their creator. */
    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String workspaceId, NewKey request, String createdBy, String fullKey, Instant now) {
        this.id = Ids.next("key");
        this.workspaceId = workspaceId;
        this.name = request.name();
        this.environment = request.environment();
        this.permissions = EnumSet.copyOf(request.permissions());
        this.displayPrefix = ApiKeyFormat.prefix(environment);
        this.displaySuffix = ApiKeyFormat.displaySuffix(fullKey);
        this.createdAt = now;
        this.createdBy = createdBy;
        this.expiresAt = request.expiresAt();
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    /** True from {@code expiresAt} on: a key is usable strictly before its expiry. */
    boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Revokes once; false when the key was already revoked. */
    boolean revoke(Instant now) {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    /** After a roll the hint shows the newest secret, the one the owner just received. */
    void showNewestSecret(String fullKey) {
        displaySuffix = ApiKeyFormat.displaySuffix(fullKey);
    }

    void rename(String newName) {
        name = newName;
    }

    void grant(Set<Permission> newPermissions) {
        permissions = EnumSet.copyOf(newPermissions);
    }

    ApiKeyPrincipal principal() {
        return new ApiKeyPrincipal(id, workspaceId, environment, permissions);
    }

    String getId() {
        return id;
    }

    String getWorkspaceId() {
        return workspaceId;
    }

    String getName() {
        return name;
    }

    Environment getEnvironment() {
        return environment;
    }

    Set<Permission> getPermissions() {
        return EnumSet.copyOf(permissions);
    }

    /** What a person sees instead of the key: {@code bnc_test_...Ab3x}. */
    String displayHint() {
        return displayPrefix + "..." + displaySuffix;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", environment=" + environment.wire() + "]";
    }
}
