package dev.bouncer.host.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.bouncer.host.common.Environment;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the owner sees it. Every field is shown, null when unset, except {@code key}:
 * the full key is present only in the answer that created or rolled it.
 */
@JsonInclude(Include.ALWAYS)
record ApiKeyView(String id, String name, Environment environment, List<Permission> permissions,
        String keyHint, Instant createdAt, String createdBy, Instant lastUsedAt,
        Instant expiresAt, Instant revokedAt, @JsonInclude(Include.NON_NULL) String key) {

    static ApiKeyView of(ApiKey apiKey) {
        return of(apiKey, null);
    }

    static ApiKeyView of(ApiKey apiKey, String fullKey) {
        return new ApiKeyView(apiKey.getId(), apiKey.getName(), apiKey.getEnvironment(),
                apiKey.getPermissions().stream().sorted().toList(), apiKey.displayHint(),
                apiKey.getCreatedAt(), apiKey.getCreatedBy(), apiKey.getLastUsedAt(),
                apiKey.getExpiresAt(), apiKey.getRevokedAt(), fullKey);
    }

    @Override
    public String toString() {
        return "ApiKeyView[id=" + id + "]";
    }
}
