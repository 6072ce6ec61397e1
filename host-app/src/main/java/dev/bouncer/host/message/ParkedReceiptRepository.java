package dev.bouncer.host.message;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ParkedReceiptRepository extends JpaRepository<ParkedReceipt, Long> {

    List<ParkedReceipt> findByInstanceIdAndProviderMessageIdOrderByOccurredAtAscIdAsc(
            String instanceId, String providerMessageId);

    boolean existsByInstanceIdAndProviderMessageId(String instanceId, String providerMessageId);

    /** Outbox messages that parked receipts wait for and that now carry the provider id. */
    @Query("select distinct m.id from ParkedReceipt p, OutboxMessage m"
            + " where m.instanceId = p.instanceId and m.providerMessageId = p.providerMessageId")
    List<String> findMessagesNowKnown();

    @Modifying
    @Query("delete from ParkedReceipt p where p.parkedAt < :cutoff")
    int deleteParkedBefore(Instant cutoff);
}
