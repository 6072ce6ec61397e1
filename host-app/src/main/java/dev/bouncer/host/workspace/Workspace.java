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

    /** The workspace's default throttle settings as JSON; null means throttling is off. */
    @Column(name = "throttle_settings")
    private String throttleSettingsJson;

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

    public String getThrottleSettingsJson() {
        return throttleSettingsJson;
    }

    public void setThrottleSettingsJson(String throttleSettingsJson) {
        this.throttleSettingsJson = throttleSettingsJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
