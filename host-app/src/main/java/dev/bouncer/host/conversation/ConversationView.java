package dev.bouncer.host.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A conversation in a list; an unassigned one shows {@code "assignee": null}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConversationView(String id, String instanceId, String contactId, ConversationStatus status,
        String assignee, Instant createdAt, Instant updatedAt, Instant lastMessageAt) {

    static ConversationView of(Conversation conversation) {
        return new ConversationView(conversation.getId(), conversation.getInstanceId(),
                conversation.getContactId(), conversation.getStatus(), conversation.getAssignee(),
                conversation.getCreatedAt(), conversation.getUpdatedAt(),
                conversation.getLastMessageAt());
    }

    @Override
    public String toString() {
        return "ConversationView[id=" + id + ", status=" + status.wire() + "]";
    }
}
