package dev.bouncer.host.apikey;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Stored keys, read and changed only within their workspace. */
interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

    List<ApiKey> findByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

    Optional<ApiKey> findByIdAndWorkspaceId(String id, String workspaceId);

    /**
     * The key with its row locked until the transaction ends: rolls, updates and revocations
     * of one key take turns on every node, so each audit row's "before" is what was changed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from ApiKey k where k.id = :id and k.workspaceId = :workspaceId")
    Optional<ApiKey> lockByIdAndWorkspaceId(String id, String workspaceId);

    /** Moves {@code lastUsedAt} forward only, so a late flush from a slower node changes nothing. */
    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :usedAt where k.id = :id"
            + " and (k.lastUsedAt is null or k.lastUsedAt < :usedAt)")
    int recordUse(String id, Instant usedAt);
}
