package dev.bouncer.host.support;

import dev.bouncer.host.common.Ids;
import dev.bouncer.host.workspace.Workspace;
import dev.bouncer.host.workspace.WorkspaceService;

/**
 * A workspace made for one test, with its owner's credentials: lists in it hold only what that
 * test created, and ids from it must stay invisible to every other workspace.
 */
public record Tenant(String workspaceId, String ownerAuthorization) {

    public static Tenant create(WorkspaceService workspaces) {
        String suffix = Ids.randomBase62(10);
        String email = "owner-" + suffix + "@example.test";
        Workspace workspace = workspaces.create("tenant-" + suffix, email, HostAppIT.OWNER_PASSWORD);
        return new Tenant(workspace.getId(), ApiClient.basic(email, HostAppIT.OWNER_PASSWORD));
    }
}
