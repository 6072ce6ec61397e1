package dev.bouncer.host.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** A key's secrets, found by their hash: the one lookup every authenticated request makes. */
interface ApiKeySecretRepository extends JpaRepository<ApiKeySecret, String> {

    /** The secret and its key in one query by primary key: the whole cost of authentication. */
    @Query("select s from ApiKeySecret s join fetch s.key where s.secretHash = :secretHash")
    Optional<ApiKeySecret> findWithKey(String secretHash);

    /** The key's secrets that still work at {@code now}: the current one and any in grace. */
    @Query("select s from ApiKeySecret s where s.key.id = :keyId"
            + " and (s.expiresAt is null or s.expiresAt > :now)")
    List<ApiKeySecret> findUsable(String keyId, Instant now);
}
