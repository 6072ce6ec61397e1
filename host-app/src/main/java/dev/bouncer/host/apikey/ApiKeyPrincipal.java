package dev.bouncer.host.apikey;

import dev.bouncer.host.common.Environment;
import java.util.Set;

/**
 * The caller behind a valid API key: which workspace and environment it may see and what it may
 * do. It holds no secret.
 */
public record ApiKeyPrincipal(String keyId, String workspaceId, Environment environment,
        Set<Permission> permissions) {

    public ApiKeyPrincipal {
        permissions = Set.copyOf(permissions);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
