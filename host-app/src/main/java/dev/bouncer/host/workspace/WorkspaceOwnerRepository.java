package dev.bouncer.host.workspace;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceOwnerRepository extends JpaRepository<WorkspaceOwner, String> {

    Optional<WorkspaceOwner> findByEmailIgnoreCase(String email);
}
