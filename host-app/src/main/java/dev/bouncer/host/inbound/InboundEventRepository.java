package dev.bouncer.host.inbound;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InboundEventRepository extends JpaRepository<InboundEvent, String> {

    /** Pending events whose next attempt is due, oldest first. */
    @Query("select e.id from InboundEvent e where e.status = :status and e.nextAttemptAt <= :now"
            + " order by e.receivedAt, e.id")
    List<String> findDue(InboundEventStatus status, Instant now, Limit limit);

    /** The event, row-locked: two nodes polling the same row take turns and the second skips it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from InboundEvent e where e.id = :id")
    Optional<InboundEvent> lockById(String id);

    boolean existsByInstanceIdAndKindAndDedupeKey(String instanceId, InboundKind kind,
            String dedupeKey);

    List<InboundEvent> findByInstanceIdOrderByReceivedAtAscIdAsc(String instanceId);
}
