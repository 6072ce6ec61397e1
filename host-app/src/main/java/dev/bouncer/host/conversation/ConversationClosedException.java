package dev.bouncer.host.conversation;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** A closed conversation is final: it cannot be changed; the next message starts a new one. */
class ConversationClosedException extends ApiException {

    ConversationClosedException(String conversationId) {
        super(HttpStatus.CONFLICT, "conversation_closed", "Conversation '" + conversationId
                + "' is closed and cannot change; the next message starts a new conversation.");
    }
}
