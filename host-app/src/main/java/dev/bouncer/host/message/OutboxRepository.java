package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxMessage, String> {

    Optional<OutboxMessage> findByIdAndWorkspaceIdAndEnvironment(
            String id, String workspaceId, Environment environment);

    List<OutboxMessage> findByStatusAndUpdatedAtBefore(MessageStatus status, Instant cutoff);

    List<OutboxMessage> findByStatusAndCreatedAtBefore(MessageStatus status, Instant cutoff);

    /** The head of an instance's queue: the next message it sends. */
    Optional<OutboxMessage> findFirstByInstanceIdAndStatusOrderByQueueSeqAsc(
            String instanceId, MessageStatus status);

    boolean existsByInstanceIdAndStatus(String instanceId, MessageStatus status);

    long countByInstanceIdAndStatus(String instanceId, MessageStatus status);

    /** A conversation's newest messages first; ordered by acceptance, which is total. */
    List<OutboxMessage> findByConversationIdOrderByQueueSeqDesc(String conversationId,
            Limit limit);

    /** The message a provider receipt is about. */
    Optional<OutboxMessage> findFirstByInstanceIdAndProviderMessageId(String instanceId,
            String providerMessageId);

    @Query("select m.instanceId from OutboxMessage m where m.id = :id")
    Optional<String> findInstanceId(String id);

    long countByInstanceIdAndStatusAndQueueSeqLessThan(
            String instanceId, MessageStatus status, Long queueSeq);
}
