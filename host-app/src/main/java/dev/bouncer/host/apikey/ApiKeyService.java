package dev.bouncer.host.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.audit.AuditLog;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.workspace.OwnerPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, changes, rolls, revokes and authenticates API keys. Every change writes its
 * audit event in its own transaction. Authentication is never cached: each request reads its
 * secret and key, so a change is seen by the next request on every node.
 */
@Service
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final ApiKeySecretRepository secrets;
    private final AuditLog audit;
    private final KeyUsageRecorder usage;
    private final RefusedUseAudit refusedUses;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, ApiKeySecretRepository secrets, AuditLog audit,
            KeyUsageRecorder usage, RefusedUseAudit refusedUses, Clock clock) {
        this.keys = keys;
        this.secrets = secrets;
        this.audit = audit;
        this.usage = usage;
        this.refusedUses = refusedUses;
        this.clock = clock;
    }

    /** Creates a key; the answer is the only place the full key ever appears. */
    @Transactional
    ApiKeyView create(OwnerPrincipal owner, JsonNode body) {
        Instant now = clock.instant();
        NewKey request = KeyRequests.readNewKey(body, now);
        String fullKey = ApiKeyFormat.generate(request.environment());

        ApiKey key = keys.save(new ApiKey(owner.workspaceId(), request, owner.getUsername(),
                fullKey, now));
        secrets.save(new ApiKeySecret(key, fullKey, now));
        audit.record(KeyAudit.created(key, owner.getUsername()));
        return ApiKeyView.of(key, fullKey);
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

    /** Sets the name and/or the permissions; the next request with the key sees them. */
    @Transactional
    ApiKeyView update(OwnerPrincipal owner, String keyId, JsonNode body) {
        KeyChange change = KeyRequests.readChange(body);
        ApiKey key = lockedKey(owner.workspaceId(), keyId);
        if (key.isRevoked()) {
            throw new KeyRevokedException(keyId);
        }

        Map<String, Map<String, Object>> changes = apply(key, change);
        if (!changes.isEmpty()) {
            audit.record(KeyAudit.updated(key, owner.getUsername(), clock.instant(), changes));
        }
        return ApiKeyView.of(key);
    }

    /**
     * Gives the key a new secret, answered once. The secrets it had keep working for the grace
     * period (or less, when an earlier roll already ended them sooner), so clients can move over.
     */
    @Transactional
    ApiKeyView roll(OwnerPrincipal owner, String keyId, JsonNode body) {
        Duration grace = KeyRequests.readGracePeriod(body);
        ApiKey key = lockedKey(owner.workspaceId(), keyId);
        Instant now = clock.instant();
        requireRollable(key, now);

        Instant oldSecretsEnd = now.plus(grace);
        secrets.findUsable(key.getId(), now).forEach(secret -> secret.endBy(oldSecretsEnd));
        String fullKey = ApiKeyFormat.generate(key.getEnvironment());
        secrets.save(new ApiKeySecret(key, fullKey, now));
        key.showNewestSecret(fullKey);
        audit.record(KeyAudit.rolled(key, owner.getUsername(), now, grace, oldSecretsEnd));
        return ApiKeyView.of(key, fullKey);
    }

    /** Revokes at once: the next request with any of its secrets is refused. Twice is harmless. */
    @Transactional
    ApiKeyView revoke(OwnerPrincipal owner, String keyId) {
        ApiKey key = lockedKey(owner.workspaceId(), keyId);
        if (key.revoke(clock.instant())) {
            audit.record(KeyAudit.revoked(key, owner.getUsername()));
        }
        return ApiKeyView.of(key);
    }

    /**
     * The caller behind a presented key, if it is well-formed, known, unexpired and unrevoked.
     * A key with a wrong shape or checksum is refused before any query. Not one transaction:
     * the lookup is a single query, and a refusal's audit event commits on its own.
     */
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (ApiKeyFormat.environmentOf(presented).isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiKeyFormat.hash(presented);
        return secrets.findWithKey(hash)
                .filter(secret -> MessageDigest.isEqual(bytes(secret.getSecretHash()), bytes(hash)))
                .flatMap(secret -> admit(secret, clock.instant()));
    }

    private Optional<ApiKeyPrincipal> admit(ApiKeySecret secret, Instant now) {
        ApiKey key = secret.getKey();
        if (key.isRevoked()) {
            return Optional.empty();
        }
        if (key.isExpiredAt(now)) {
            refusedUses.keyExpired(key, now);
            return Optional.empty();
        }
        if (secret.isPastGraceAt(now)) {
            refusedUses.secretPastGrace(secret, now);
            return Optional.empty();
        }
        usage.record(key.getId(), now);
        return Optional.of(key.principal());
    }

    private ApiKey lockedKey(String workspaceId, String keyId) {
        return keys.lockByIdAndWorkspaceId(keyId, workspaceId)
                .orElseThrow(() -> new NotFoundException("API key", keyId));
    }

    private static void requireRollable(ApiKey key, Instant now) {
        if (key.isRevoked()) {
            throw new KeyRevokedException(key.getId());
        }
        if (key.isExpiredAt(now)) {
            throw new KeyExpiredException(key.getId());
        }
    }

    /** Applies the change and returns each field that really changed, before and after. */
    private static Map<String, Map<String, Object>> apply(ApiKey key, KeyChange change) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        change.name().filter(name -> !name.equals(key.getName())).ifPresent(name -> {
            changes.put("name", KeyAudit.change(key.getName(), name));
            key.rename(name);
        });
        change.permissions().filter(granted -> !granted.equals(key.getPermissions()))
                .ifPresent(granted -> {
                    changes.put("permissions", KeyAudit.change(
                            KeyAudit.wire(key.getPermissions()), KeyAudit.wire(granted)));
                    key.grant(granted);
                });
        return changes;
    }

    private static byte[] bytes(String hex) {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }
}
