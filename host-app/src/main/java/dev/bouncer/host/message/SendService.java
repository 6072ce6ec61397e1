package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.contact.ContactService;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Accepts a send in three short transactions: a lock-free check of what can be refused, the
 * recipient's contact (found or created in a transaction of its own, because a lost race on a
 * new number must fail alone), and the enqueue, which opens or joins the conversation. A replay
 * of an idempotency key ends after the first and touches no contact or conversation.
 */
@Service
class SendService {

    private final OutboxService outbox;
    private final ContactService contacts;

    SendService(OutboxService outbox, ContactService contacts) {
        this.outbox = outbox;
        this.contacts = contacts;
    }

    OutboxService.Enqueued send(String workspaceId, Environment environment, SendRequest request) {
        Optional<OutboxService.Enqueued> replay = outbox.precheck(workspaceId, environment, request);
        if (replay.isPresent()) {
            return replay.get();
        }
        String contactId = contacts.findOrCreate(workspaceId, environment, request.to());
        try {
            return outbox.enqueue(workspaceId, environment, request, contactId);
        } catch (DataIntegrityViolationException concurrentFirstUseOfTheKey) {
            if (request.idempotencyKey() == null) {
                throw concurrentFirstUseOfTheKey;
            }
            return outbox.enqueue(workspaceId, environment, request, contactId);
        }
    }
}
