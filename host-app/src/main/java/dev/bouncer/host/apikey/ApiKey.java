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

/** A stored API key: its hash, never the key itself, plus what it may do. */
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

    @Column(name = "secret_hash", nullable = false, unique = true)
    private String secretHash;

    @Column(name = "display_prefix", nullable = false)
    private String displayPrefix;

    @Column(name = "display_suffix", nullable = false)
    private String displaySuffix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String workspaceId, String name, Environment environment, Set<Permission> permissions,
            String fullKey, Instant now) {
        this.id = Ids.next("key");
        this.workspaceId = workspaceId;
        this.name = name;
        this.environment = environment;
        this.permissions = EnumSet.copyOf(permissions);
        this.secretHash = ApiKeyFormat.hash(fullKey);
        this.displayPrefix = ApiKeyFormat.prefix(environment);
        this.displaySuffix = ApiKeyFormat.displaySuffix(fullKey);
        this.createdAt = now;
    }

    boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
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
        return permissions;
    }

    String getSecretHash() {
        return secretHash;
    }

    /** What a person sees instead of the key: {@code bnc_test_...Ab3x}. */
    String displayHint() {
        return displayPrefix + "..." + displaySuffix;
    }

    Instant getCreatedAt() {
        return createdAt;
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
