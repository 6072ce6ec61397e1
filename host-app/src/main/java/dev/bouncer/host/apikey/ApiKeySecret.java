package dev.bouncer.host.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One secret of a key, stored as its SHA-256. A key has one current secret and, after rolls,
 * older ones that keep working until their grace period ends ({@code expiresAt}).
 */
@Entity
@Table(name = "api_key_secret")
class ApiKeySecret {

    @Id
    @Column(name = "secret_hash")
    private String secretHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "key_id", nullable = false)
    private ApiKey key;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiKeySecret() {
    }

    ApiKeySecret(ApiKey key, String fullKey, Instant now) {
        this.secretHash = ApiKeyFormat.hash(fullKey);
        this.key = key;
        this.createdAt = now;
    }

    /** True from {@code expiresAt} on, as for keys. */
    boolean isPastGraceAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Ends this secret at {@code end}, or keeps an earlier end from a previous roll. */
    void endBy(Instant end) {
        if (expiresAt == null || end.isBefore(expiresAt)) {
            expiresAt = end;
        }
    }

    String getSecretHash() {
        return secretHash;
    }

    ApiKey getKey() {
        return key;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "ApiKeySecret[createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }
}
