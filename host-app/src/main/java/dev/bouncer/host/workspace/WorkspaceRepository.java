package dev.bouncer.host.workspace;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceRepository extends JpaRepository<Workspace, String> {

    Optional<Workspace> findByName(String name);
}
