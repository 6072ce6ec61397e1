package dev.bouncer.host.conversation;

import dev.bouncer.host.common.Environment;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface ConversationRepository extends JpaRepository<Conversation, String>,
        JpaSpecificationExecutor<Conversation> {

    Optional<Conversation> findByIdAndWorkspaceIdAndEnvironment(
            String id, String workspaceId, Environment environment);

    /** The not-closed conversation of an instance and contact, if there is one. */
    Optional<Conversation> findByActiveKey(String activeKey);

    /** Which instance a conversation is on, read without loading it, to lock that first. */
    @Query("select c.instanceId from Conversation c where c.id = :id"
            + " and c.workspaceId = :workspaceId and c.environment = :environment")
    Optional<String> findInstanceId(String id, String workspaceId, Environment environment);
}
