package dev.bouncer.host.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.Page;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.QueryReader;
import dev.bouncer.host.contact.ContactService;
import dev.bouncer.host.message.OutboxService;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations of the key's workspace and environment: the inbox, one thread, its status. */
@RestController
@RequestMapping(path = "/api/v1/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
class ConversationController {

    /** How many messages the detail shows, newest first. */
    static final int RECENT_MESSAGES = 20;
    private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ConversationService conversations;
    private final ContactService contacts;
    private final OutboxService outbox;

    ConversationController(ConversationService conversations, ContactService contacts,
            OutboxService outbox) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    /** Ordered by the last message, newest first, like an inbox. */
    @GetMapping
    @RequiresPermission(Permission.CONVERSATION_MANAGE)
    Page<ConversationView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestParam MultiValueMap<String, String> parameters) {
        QueryReader query = QueryReader.of(parameters, ConversationFilter.PARAMETERS);
        PageRequest page = query.page();
        ConversationFilter filter = ConversationFilter.read(query);
        query.throwIfInvalid();
        return conversations.list(key.workspaceId(), key.environment(), filter, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.CONVERSATION_MANAGE)
    @Transactional(readOnly = true)
    ConversationDetail get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return detail(key, conversations.get(key.workspaceId(), key.environment(), id));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    @RequiresPermission(Permission.CONVERSATION_MANAGE)
    ConversationDetail update(@AuthenticationPrincipal ApiKeyPrincipal key,
            @PathVariable String id, @RequestBody JsonNode body) {
        ConversationChanges changes = ConversationChanges.read(body);
        return detail(key, conversations.update(key.workspaceId(), key.environment(), id, changes));
    }

    private ConversationDetail detail(ApiKeyPrincipal key, ConversationView conversation) {
        return ConversationDetail.of(conversation,
                contacts.summary(key.workspaceId(), key.environment(), conversation.contactId())
                        .orElseThrow(),
                outbox.recentInConversation(conversation.id(), RECENT_MESSAGES));
    }
}
