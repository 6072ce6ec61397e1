package dev.bouncer.host.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.common.RequestReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists, revokes and authenticates API keys. */
@Service
public class ApiKeyService {

    private static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Creates a key; the answer is the only place the full key ever appears. */
    @Transactional
    ApiKeyView create(String workspaceId, JsonNode body) {
        NewKey request = readNewKey(RequestReader.of(body));
        String fullKey = ApiKeyFormat.generate(request.environment());
        ApiKey saved = keys.save(new ApiKey(workspaceId, request.name(), request.environment(),
                request.permissions(), fullKey, clock.instant()));
        return ApiKeyView.of(saved, fullKey);
    }

    @Transactional(readOnly = true)
    List<ApiKeyView> list(String workspaceId) {
        return keys.findByWorkspaceIdOrderByCreatedAtAscIdAsc(workspaceId).stream()
                .map(ApiKeyView::of).toList();
    }

    @Transactional(readOnly = true)
    ApiKeyView get(String workspaceId, String keyId) {
        return keys.findByIdAndWorkspaceId(keyId, workspaceId).map(ApiKeyView::of)
                .orElseThrow(() -> new NotFoundException("API key", keyId));
    }

    /** Revokes at once: the next request with the key is refused. Revoking twice is harmless. */
    @Transactional
    ApiKeyView revoke(String workspaceId, String keyId) {
        ApiKey key = keys.findByIdAndWorkspaceId(keyId, workspaceId)
                .orElseThrow(() -> new NotFoundException("API key", keyId));
        key.revoke(clock.instant());
        return ApiKeyView.of(key);
    }

    /** The caller behind a presented key, if it is well-formed, known, unexpired and unrevoked. */
    @Transactional(readOnly = true)
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (ApiKeyFormat.environmentOf(presented).isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiKeyFormat.hash(presented);
        Instant now = clock.instant();
        return keys.findBySecretHash(hash)
                .filter(key -> MessageDigest.isEqual(bytes(key.getSecretHash()), bytes(hash)))
                .filter(key -> key.isUsableAt(now))
                .map(ApiKey::principal);
    }

    private NewKey readNewKey(RequestReader body) {
        body.rejectUnknownFields(Set.of("name", "environment", "permissions"));
        String name = body.requiredString("name");
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl))) {
            body.reject("name", "must be 1 to " + MAX_NAME_LENGTH
                    + " characters, not blank, without control characters");
        }
        String environmentName = body.requiredString("environment");
        Optional<Environment> environment = Optional.ofNullable(environmentName)
                .flatMap(Environment::fromWire);
        if (environmentName != null && environment.isEmpty()) {
            body.reject("environment", "must be 'live' or 'test'");
        }
        Set<Permission> permissions = readPermissions(body);
        body.throwIfInvalid();
        return new NewKey(name.strip(), environment.orElseThrow(), permissions);
    }

    private static Set<Permission> readPermissions(RequestReader body) {
        List<String> names = body.stringArray("permissions");
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (names == null) {
            return permissions;
        }
        for (String name : names) {
            Permission.fromWire(name).ifPresentOrElse(permissions::add, () -> body.reject(
                    "permissions", "'" + name + "' is not a permission; known: " + known()));
        }
        if (names.isEmpty()) {
            body.reject("permissions", "must name at least one permission; known: " + known());
        }
        return permissions;
    }

    private static String known() {
        return String.join(", ", EnumSet.allOf(Permission.class).stream()
                .map(Permission::wire).toList());
    }

    private static byte[] bytes(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    private record NewKey(String name, Environment environment, Set<Permission> permissions) {
    }
}
