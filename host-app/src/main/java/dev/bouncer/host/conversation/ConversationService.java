package dev.bouncer.host.conversation;

import dev.bouncer.host.common.Cursor;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.common.Page;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.contact.ContactService;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.message.Recipients;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations: opened by the first message between an instance and a contact, joined by the
 * following ones. Everything that opens or changes a conversation first locks its instance's
 * row, as enqueues do, so a send, an inbound message and a status change on one instance take
 * turns and two of them can never open two conversations for one contact.
 */
@Service
public class ConversationService {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);
    private static final Sort INBOX_ORDER =
            Sort.by(Sort.Order.desc("lastMessageAt"), Sort.Order.desc("id"));

    private final ConversationRepository conversations;
    private final InstanceService instances;
    private final ContactService contacts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, InstanceService instances,
            ContactService contacts, PlatformTransactionManager transactions, Clock clock) {
        this.conversations = conversations;
        this.instances = instances;
        this.contacts = contacts;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Adds an outbound message to the contact's active conversation on the instance, or opens
     * one. A resolved conversation stays resolved: only the contact writing reopens it. The
     * caller holds the instance's row lock.
     *
     * @param acceptedAt when the message was accepted: the conversation's last message time
     * @return the id of the conversation the message belongs to
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordOutbound(Instance lockedInstance, String contactId, Instant acceptedAt) {
        Conversation conversation = activeOrOpen(lockedInstance, contactId, acceptedAt);
        conversation.outboundAdded(acceptedAt);
        return conversation.getId();
    }

    /**
     * Records a message received from {@code from} (any notation a send's {@code to} accepts)
     * on an instance: finds or creates the contact, then adds the message to the active
     * conversation, reopening it when resolved, or opens a new one. Call it before anything in
     * the caller's transaction reads the instance, since it locks the instance's row.
     *
     * @return the id of the conversation the message belongs to
     */
    public String recordInbound(String workspaceId, Environment environment, String instanceId,
            String from) {
        Recipients.Result sender = Recipients.normalise(from);
        if (!sender.isValid()) {
            throw new IllegalArgumentException("The sender is not a phone number: " + sender.problem());
        }
        // Checked before the contact is created, so an unknown instance leaves nothing behind.
        instances.find(workspaceId, environment, instanceId)
                .orElseThrow(() -> new NotFoundException("instance", instanceId));
        String contactId = contacts.findOrCreate(workspaceId, environment, sender.e164());
        return transaction.execute(status -> {
            Instance instance = instances.lockIn(workspaceId, environment, instanceId);
            Instant now = clock.instant();
            Conversation conversation = activeOrOpen(instance, contactId, now);
            conversation.inboundAdded(now);
            return conversation.getId();
        });
    }

    @Transactional(readOnly = true)
    Page<ConversationView> list(String workspaceId, Environment environment,
            ConversationFilter filter, PageRequest page) {
        List<Conversation> rows = conversations.findBy(
                filter.restrict(workspaceId, environment, page.after()),
                query -> query.sortBy(INBOX_ORDER).limit(page.fetchSize()).all());
        return Page.of(rows, page.limit(),
                conversation -> new Cursor(conversation.getLastMessageAt(), conversation.getId()),
                ConversationView::of);
    }

    @Transactional(readOnly = true)
    ConversationView get(String workspaceId, Environment environment, String conversationId) {
        return conversations.findByIdAndWorkspaceIdAndEnvironment(conversationId, workspaceId,
                environment).map(ConversationView::of)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId));
    }

    /** Changes status and assignee; a closed conversation refuses every change. */
    @Transactional
    ConversationView update(String workspaceId, Environment environment, String conversationId,
            ConversationChanges changes) {
        String instanceId = conversations.findInstanceId(conversationId, workspaceId, environment)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId));
        instances.lock(instanceId);
        Conversation conversation = conversations.findById(conversationId).orElseThrow();
        if (conversation.isClosed()) {
            throw new ConversationClosedException(conversationId);
        }
        conversation.update(changes.status().applyTo(conversation.getStatus()),
                changes.assignee().applyTo(conversation.getAssignee()), clock.instant());
        return ConversationView.of(conversation);
    }

    private Conversation activeOrOpen(Instance instance, String contactId, Instant now) {
        return conversations.findByActiveKey(Conversation.activeKey(instance.getId(), contactId))
                .orElseGet(() -> open(instance, contactId, now));
    }

    private Conversation open(Instance instance, String contactId, Instant now) {
        Conversation opened = conversations.save(new Conversation(instance.getWorkspaceId(),
                instance.getEnvironment(), instance.getId(), contactId, now));
        log.debug("Conversation {} opened on instance {} with contact {}", opened.getId(),
                instance.getId(), contactId);
        return opened;
    }
}
