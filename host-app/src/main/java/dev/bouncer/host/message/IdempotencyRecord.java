package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** Which message a client's Idempotency-Key produced, and a hash of the request it came with. */
@Entity
@Table(name = "idempotency_key")
class IdempotencyRecord implements Persistable<IdempotencyRecord.Key> {

    @EmbeddedId
    private Key key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /**
     * Always inserted, never merged: a merge would quietly overwrite a record that a concurrent
     * request committed first, where an insert fails on the primary key as it must.
     */
    @Transient
    private boolean isNew = true;

    protected IdempotencyRecord() {
    }

    @PostLoad
    void markLoaded() {
        isNew = false;
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    IdempotencyRecord(Key key, String requestHash, String messageId, Instant createdAt) {
        this.key = key;
        this.requestHash = requestHash;
        this.messageId = messageId;
        this.createdAt = createdAt;
    }

    String getRequestHash() {
        return requestHash;
    }

    String getMessageId() {
        return messageId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    /** A client's key is unique within its workspace and environment. */
    @Embeddable
    record Key(
            @Column(name = "workspace_id") String workspaceId,
            @Column(name = "environment") Environment environment,
            @Column(name = "key_value") String value) implements Serializable {
    }
}
