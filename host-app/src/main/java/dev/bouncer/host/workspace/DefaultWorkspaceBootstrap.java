package dev.bouncer.host.workspace;

import dev.bouncer.host.common.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * On first start creates the workspace {@code default} and its owner. Without a configured
 * password one is generated and logged once: it is the only way to learn it. It runs once all
 * beans exist (the schema is migrated) but before the web server and the Camel routes start,
 * so no request and no pipeline ever sees a server without its workspace.
 */
@Component
class DefaultWorkspaceBootstrap implements SmartInitializingSingleton {

    static final String DEFAULT_WORKSPACE = "default";
    private static final Logger log = LoggerFactory.getLogger(DefaultWorkspaceBootstrap.class);

    private final WorkspaceService workspaces;
    private final OwnerProperties owner;

    DefaultWorkspaceBootstrap(WorkspaceService workspaces, OwnerProperties owner) {
        this.workspaces = workspaces;
        this.owner = owner;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (workspaces.findByName(DEFAULT_WORKSPACE).isPresent()) {
            resetPasswordIfConfigured();
            return;
        }
        String password = owner.hasPassword() ? owner.password() : Ids.randomBase62(20);
        try {
            workspaces.create(DEFAULT_WORKSPACE, owner.email(), password);
        } catch (DataIntegrityViolationException anotherNodeWasFaster) {
            return;
        }
        log.info("Created workspace '{}' with owner {}", DEFAULT_WORKSPACE, owner.email());
        if (!owner.hasPassword()) {
            log.warn("Generated owner password (shown only now; set BOUNCER_OWNER_PASSWORD to "
                    + "choose one): {}", password);
        }
    }

    private void resetPasswordIfConfigured() {
        if (!owner.hasPassword()) {
            return;
        }
        if (!workspaces.ownerExists(owner.email())) {
            log.warn("BOUNCER_OWNER_PASSWORD ignored: no owner {} exists; the owner's email is "
                    + "only taken on first start", owner.email());
        } else if (workspaces.resetOwnerPassword(owner.email(), owner.password())) {
            log.info("Owner password of {} replaced by BOUNCER_OWNER_PASSWORD", owner.email());
        }
    }
}
