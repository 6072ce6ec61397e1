package dev.bouncer.host.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bouncer.host.common.Environment;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the owner sees it. {@code key} is present only in the answer that created it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyView(String id, String name, Environment environment, List<Permission> permissions,
        String keyHint, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        Instant revokedAt, String key) {

    static ApiKeyView of(ApiKey apiKey) {
        return of(apiKey, null);
    }

    static ApiKeyView of(ApiKey apiKey, String fullKey) {
        return new ApiKeyView(apiKey.getId(), apiKey.getName(), apiKey.getEnvironment(),
                apiKey.getPermissions().stream().sorted().toList(), apiKey.displayHint(),
                apiKey.getCreatedAt(), apiKey.getLastUsedAt(), apiKey.getExpiresAt(),
                apiKey.getRevokedAt(), fullKey);
    }

    @Override
    public String toString() {
        return "ApiKeyView[id=" + id + "]";
    }
}
