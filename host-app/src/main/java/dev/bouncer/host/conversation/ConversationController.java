package dev.bouncer.host.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.MediaTypes;
import dev.bouncer.host.common.Page;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.QueryReader;
import dev.bouncer.host.contact.ContactService;
import dev.bouncer.host.message.OutboxService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Conversations")
@RequestMapping(path = "/api/v1/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
class ConversationController {

    /** How many messages the detail shows, newest first. */
    static final int RECENT_MESSAGES = 20;

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
    @Operation(operationId = "listConversations", summary = "List conversations, newest message first")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 20",
            schema = @Schema(type = "integer"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "A page's `nextCursor`",
            schema = @Schema(type = "string"))
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "open, pending, resolved or closed",
            schema = @Schema(type = "string"))
    @Parameter(name = "assignee", in = ParameterIn.QUERY, description = "Exactly this assignee",
            schema = @Schema(type = "string"))
    @Parameter(name = "contactId", in = ParameterIn.QUERY, description = "Only this contact's",
            schema = @Schema(type = "string"))
    @Parameter(name = "instanceId", in = ParameterIn.QUERY, description = "Only this instance's",
            schema = @Schema(type = "string"))
    Page<ConversationView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryReader query = QueryReader.of(parameters, ConversationFilter.PARAMETERS);
        PageRequest page = query.page();
        ConversationFilter filter = ConversationFilter.read(query);
        query.throwIfInvalid();
        return conversations.list(key.workspaceId(), key.environment(), filter, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.CONVERSATION_MANAGE)
    @Operation(operationId = "getConversation", summary = "Read a conversation with its newest messages")
    @Transactional(readOnly = true)
    ConversationDetail get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return detail(key, conversations.get(key.workspaceId(), key.environment(), id));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.MERGE_PATCH_JSON})
    @RequiresPermission(Permission.CONVERSATION_MANAGE)
    @Operation(operationId = "updateConversation", summary = "Assign a conversation or change its status")
    @ApiResponse(responseCode = "409", description = "The conversation is closed, which is final.",
            content = @Content(mediaType = "application/problem+json"))
    ConversationDetail update(@AuthenticationPrincipal ApiKeyPrincipal key,
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PatchBody.class)))
            @RequestBody JsonNode body) {
        ConversationChanges changes = ConversationChanges.read(body);
        return detail(key, conversations.update(key.workspaceId(), key.environment(), id, changes));
    }

    private ConversationDetail detail(ApiKeyPrincipal key, ConversationView conversation) {
        return ConversationDetail.of(conversation,
                contacts.summary(key.workspaceId(), key.environment(), conversation.contactId())
                        .orElseThrow(),
                outbox.recentInConversation(conversation.id(), RECENT_MESSAGES));
    }

    /** A change as documented; {@link ConversationChanges} reads and checks it. */
    @Schema(name = "UpdateConversationRequest")
    record PatchBody(
            @Schema(allowableValues = {"open", "pending", "resolved", "closed"}) String status,
            @Schema(description = "Free text up to 200 characters; null unassigns.", nullable = true)
            String assignee) {
    }
}
