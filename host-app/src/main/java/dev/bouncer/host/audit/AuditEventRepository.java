package dev.bouncer.host.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Pages of the audit log, newest first, each starting after a (time, id) position. */
interface AuditEventRepository extends JpaRepository<AuditEvent, String> {

    @Query("select e from AuditEvent e where e.workspaceId = :workspaceId"
            + " and (e.occurredAt < :at or (e.occurredAt = :at and e.id < :id))"
            + " order by e.occurredAt desc, e.id desc")
    List<AuditEvent> findPage(String workspaceId, Instant at, String id, Limit limit);

    @Query("select e from AuditEvent e where e.workspaceId = :workspaceId and e.keyId = :keyId"
            + " and (e.occurredAt < :at or (e.occurredAt = :at and e.id < :id))"
            + " order by e.occurredAt desc, e.id desc")
    List<AuditEvent> findPageOfKey(String workspaceId, String keyId, Instant at, String id,
            Limit limit);
}
