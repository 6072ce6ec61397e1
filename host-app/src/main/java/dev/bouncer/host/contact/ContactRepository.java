package dev.bouncer.host.contact;

import dev.bouncer.host.common.Environment;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, String>, JpaSpecificationExecutor<Contact> {

    Optional<Contact> findByIdAndWorkspaceIdAndEnvironment(
            String id, String workspaceId, Environment environment);

    /**
     * The contact with its row locked until the transaction ends, so two concurrent updates
     * merge their attributes one after the other instead of one overwriting the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contact c where c.id = :id and c.workspaceId = :workspaceId"
            + " and c.environment = :environment")
    Optional<Contact> lockInScope(String id, String workspaceId, Environment environment);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contact c where c.phone = :phone and c.workspaceId = :workspaceId"
            + " and c.environment = :environment")
    Optional<Contact> lockByPhone(String phone, String workspaceId, Environment environment);

    @Query("select c.id from Contact c where c.phone = :phone and c.workspaceId = :workspaceId"
            + " and c.environment = :environment")
    Optional<String> findIdByPhone(String phone, String workspaceId, Environment environment);
}
