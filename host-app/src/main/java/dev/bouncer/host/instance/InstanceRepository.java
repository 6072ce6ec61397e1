package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderType;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InstanceRepository extends JpaRepository<Instance, String> {

    List<Instance> findByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

    List<Instance> findByWorkspaceIdAndEnvironmentOrderByCreatedAtAscIdAsc(
            String workspaceId, Environment environment);

    /**
     * The instance with its row locked until the transaction ends ({@code SELECT ... FOR
     * UPDATE}): claims and enqueues on one instance take turns, on every node.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Instance i where i.id = :id")
    Optional<Instance> lockById(String id);

    Optional<Instance> findByIdAndWorkspaceId(String id, String workspaceId);

    @Query("select i.id from Instance i where i.environment = :environment"
            + " and i.provider <> :provider order by i.id")
    List<String> findIdsByEnvironmentAndProviderNot(Environment environment, ProviderType provider);

    @Query("select i.id from Instance i where i.workspaceId = :workspaceId"
            + " and i.throttleSettingsJson is null")
    List<String> findIdsWithoutThrottleOverride(String workspaceId);

    Optional<Instance> findByIdAndWorkspaceIdAndEnvironment(
            String id, String workspaceId, Environment environment);
}
