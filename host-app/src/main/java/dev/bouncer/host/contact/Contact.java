package dev.bouncer.host.contact;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A person the workspace talks to, identified by one E.164 phone number per workspace and
 * environment. Tags and attributes are kept as JSON text.
 */
@Entity
@DynamicUpdate
class Contact {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false)
    private Environment environment;

    @Column(nullable = false)
    private String phone;

    @Column
    private String name;

    @Column
    private String email;

    /** A JSON array of strings. */
    @Column(nullable = false)
    private String tags;

    /** A JSON object. */
    @Column(nullable = false)
    private String attributes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Moves only when a value actually changes: sync clients page by it. */
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Contact() {
    }

    Contact(String workspaceId, Environment environment, String phone, Instant now) {
        this.id = Ids.next("ct");
        this.workspaceId = workspaceId;
        this.environment = environment;
        this.phone = phone;
        this.tags = Tags.NONE;
        this.attributes = StoredJson.write(Attributes.empty());
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the new values; true, and {@code updated_at} moved, only when one of them differs. */
    boolean update(String name, String email, String tags, String attributes, Instant now) {
        boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.email, email)
                || !this.tags.equals(tags) || !this.attributes.equals(attributes);
        if (changed) {
            this.name = name;
            this.email = email;
            this.tags = tags;
            this.attributes = attributes;
            this.updatedAt = now;
        }
        return changed;
    }

    String getId() {
        return id;
    }

    String getPhone() {
        return phone;
    }

    String getName() {
        return name;
    }

    String getEmail() {
        return email;
    }

    String getTags() {
        return tags;
    }

    String getAttributes() {
        return attributes;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Ids only: names, emails and numbers are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "Contact[id=" + id + "]";
    }
}
