package dev.bouncer.host.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bouncer.host.contact.ContactSummary;
import dev.bouncer.host.message.ConversationMessage;
import java.time.Instant;
import java.util.List;

/** One conversation with who it is with and its newest messages, newest first. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConversationDetail(String id, String instanceId, ContactSummary contact,
        ConversationStatus status, String assignee, Instant createdAt, Instant updatedAt,
        Instant lastMessageAt, List<ConversationMessage> messages) {

    static ConversationDetail of(ConversationView conversation, ContactSummary contact,
            List<ConversationMessage> messages) {
        return new ConversationDetail(conversation.id(), conversation.instanceId(), contact,
                conversation.status(), conversation.assignee(), conversation.createdAt(),
                conversation.updatedAt(), conversation.lastMessageAt(), List.copyOf(messages));
    }

    @Override
    public String toString() {
        return "ConversationDetail[id=" + id + ", status=" + status.wire() + "]";
    }
}
