package dev.bouncer.host.workspace;

import java.time.Instant;

/** A workspace as its owner sees it. */
record WorkspaceView(String id, String name, String ownerEmail, Instant createdAt) {

    static WorkspaceView of(Workspace workspace, String ownerEmail) {
        return new WorkspaceView(workspace.getId(), workspace.getName(), ownerEmail,
                workspace.getCreatedAt());
    }
}
