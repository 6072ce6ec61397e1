package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.contact.ContactService;
import dev.bouncer.host.conversation.ConversationService;
import dev.bouncer.host.event.EventLog;
import dev.bouncer.host.event.EventType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages contacts send: each finds or creates its contact, joins or reopens the conversation,
 * is stored for the conversation's thread and recorded as a {@code message.received} event.
 */
@Service
public class ReceivedMessages {

    private final InboundMessageRepository received;
    private final ConversationService conversations;
    private final ContactService contacts;
    private final EventLog events;
    private final Clock clock;

    ReceivedMessages(InboundMessageRepository received, ConversationService conversations,
            ContactService contacts, EventLog events, Clock clock) {
        this.received = received;
        this.conversations = conversations;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /** Why an inbound message cannot be stored however often it is tried. */
    public static final class UnusableSender extends RuntimeException {

        UnusableSender(String problem) {
            super("The sender is not a phone number: " + problem);
        }
    }

    /**
     * Stores the message once per provider id. Must run before anything in the caller's
     * transaction reads the instance, because opening the conversation locks its row.
     *
     * @return false when this provider id was stored before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean receive(String workspaceId, Environment environment, String instanceId,
            InboundText text) {
        Recipients.Result sender = Recipients.normalise(text.from());
        if (!sender.isValid()) {
            throw new UnusableSender(sender.problem());
        }
        if (received.existsByInstanceIdAndProviderMessageId(instanceId, text.providerMessageId())) {
            return false;
        }
        String conversationId = conversations.recordInbound(workspaceId, environment, instanceId,
                sender.e164());
        String contactId = contacts.findOrCreate(workspaceId, environment, sender.e164());
        contacts.nameIfUnnamed(workspaceId, environment, contactId, text.profileName());
        InboundMessage message = received.save(new InboundMessage(workspaceId, environment,
                instanceId, contactId, conversationId, text, sender.e164(), clock.instant()));
        events.record(workspaceId, environment, EventType.MESSAGE_RECEIVED,
                eventData(message, instanceId, contactId, text));
        return true;
    }

    private static Map<String, Object> eventData(InboundMessage message, String instanceId,
            String contactId, InboundText text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageId", message.getId());
        data.put("instanceId", instanceId);
        data.put("conversationId", message.getConversationId());
        data.put("contactId", contactId);
        data.put("from", message.getSender());
        data.put("type", message.getType());
        data.put("text", message.getBody());
        data.put("providerMessageId", text.providerMessageId());
        data.put("receivedAt", message.getReceivedAt().toString());
        return data;
    }
}
