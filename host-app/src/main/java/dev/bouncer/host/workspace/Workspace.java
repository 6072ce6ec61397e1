package dev.bouncer.host.workspace;

import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A tenant: every key, instance and message belongs to exactly one workspace. */
@Entity
public class Workspace {

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Workspace() {
    }

    Workspace(String name, Instant createdAt) {
        this.id = Ids.next("ws");
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
