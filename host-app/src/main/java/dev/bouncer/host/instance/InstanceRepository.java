package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstanceRepository extends JpaRepository<Instance, String> {

    List<Instance> findByWorkspaceIdOrderByCreatedAtAscIdAsc(String workspaceId);

    List<Instance> findByWorkspaceIdAndEnvironmentOrderByCreatedAtAscIdAsc(
            String workspaceId, Environment environment);

    Optional<Instance> findByIdAndWorkspaceIdAndEnvironment(
            String id, String workspaceId, Environment environment);
}
