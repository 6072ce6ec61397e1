package dev.bouncer.host.workspace;

import dev.bouncer.host.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The person who manages a workspace's developer settings; signs in with email and password. */
@Entity
@Table(name = "workspace_owner")
public class WorkspaceOwner {

    @Id
    private String id;

    @Column(name = "workspace_id", nullable = false)
    private String workspaceId;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WorkspaceOwner() {
    }

    WorkspaceOwner(String workspaceId, String email, String passwordHash, Instant createdAt) {
        this.id = Ids.next("own");
        this.workspaceId = workspaceId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    @Override
    public String toString() {
        return "WorkspaceOwner[id=" + id + ", workspaceId=" + workspaceId + "]";
    }
}
