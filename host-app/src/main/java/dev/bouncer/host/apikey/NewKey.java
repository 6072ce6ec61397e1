package dev.bouncer.host.apikey;

import dev.bouncer.host.common.Environment;
import java.time.Instant;
import java.util.Set;

/** A validated request to create a key; {@code expiresAt} is null for a key that never expires. */
record NewKey(String name, Environment environment, Set<Permission> permissions,
        Instant expiresAt) {

    NewKey {
        permissions = Set.copyOf(permissions);
    }
}
