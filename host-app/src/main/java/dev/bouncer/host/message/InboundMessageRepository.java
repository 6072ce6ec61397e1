package dev.bouncer.host.message;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundMessageRepository extends JpaRepository<InboundMessage, String> {

    boolean existsByInstanceIdAndProviderMessageId(String instanceId, String providerMessageId);

    List<InboundMessage> findByConversationIdOrderByReceivedAtDescIdDesc(String conversationId,
            Limit limit);
}
