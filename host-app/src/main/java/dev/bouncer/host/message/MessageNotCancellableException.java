package dev.bouncer.host.message;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/** Only a message that is still waiting in the queue can be cancelled. */
class MessageNotCancellableException extends ApiException {

    MessageNotCancellableException(String messageId, MessageStatus status) {
        super(HttpStatus.CONFLICT, "message_not_cancellable", "Message " + messageId + " is "
                + status.wire() + "; only queued messages can be cancelled.");
    }
}
