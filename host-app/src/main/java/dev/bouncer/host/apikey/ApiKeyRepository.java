package dev.bouncer.host.apikey;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

    Optional<ApiKey> findBySecretHash(String secretHash);

    List<ApiKey> findByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

    Optional<ApiKey> findByIdAndWorkspaceId(String id, String workspaceId);
}
