package dev.bouncer.host.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.RequestReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sending messages and reading their status with an API key. */
@RestController
@Tag(name = "Messages")
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
class MessageController {

    /** Tells a client whether the answer is the replay of an earlier request with its key. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final SendService sends;
    private final OutboxService outbox;

    MessageController(SendService sends, OutboxService outbox) {
        this.sends = sends;
        this.outbox = outbox;
    }

    @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.MESSAGE_SEND)
    @Operation(operationId = "sendMessage", summary = "Queue a text message",
            description = "Stores the message in the instance's throttled queue and answers at once.")
    @ApiResponse(responseCode = "202", description = "Queued; `Location` points at the message.")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used with another body.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "The instance's queue is full; see Retry-After.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<AcceptedMessage> send(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(description = "Repeat a request safely: same key and body return the first "
                    + "result for 24 hours.", schema = @Schema(type = "string", maxLength = 255))
            @RequestHeader(name = SendRequest.IDEMPOTENCY_HEADER, required = false)
            List<String> idempotencyKeys,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = SendBody.class)))
            @RequestBody JsonNode body) {
        SendRequest request = SendRequest.read(RequestReader.of(body), idempotencyKeys);
        OutboxService.Enqueued enqueued =
                sends.send(key.workspaceId(), key.environment(), request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/messages/" + enqueued.message().getId()))
                .header(REPLAYED_HEADER, String.valueOf(enqueued.replayed()))
                .body(AcceptedMessage.of(enqueued));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.MESSAGE_SEND)
    @Operation(operationId = "getMessage", summary = "Read a message and its status history")
    MessageView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return outbox.view(key.workspaceId(), key.environment(), id);
    }

    /** Cancels a message that is still queued: 409 once its send has started. */
    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.MESSAGE_SEND)
    @Operation(operationId = "cancelMessage", summary = "Cancel a queued message")
    @ApiResponse(responseCode = "200", description = "Cancelled.")
    @ApiResponse(responseCode = "409", description = "Its send has started; it can no longer be cancelled.",
            content = @Content(mediaType = "application/problem+json"))
    MessageView cancel(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        try {
            return outbox.cancel(key.workspaceId(), key.environment(), id);
        } catch (ConcurrencyFailureException claimedMeanwhile) {
            throw new MessageNotCancellableException(id, MessageStatus.SENDING);
        }
    }

    /** The body of a send, as documented; {@link SendRequest} is what reads and checks it. */
    @Schema(name = "SendMessageRequest", requiredProperties = {"instanceId", "to", "message"})
    record SendBody(
            @Schema(description = "The instance to send through.", example = "ins_4fT9sQ2mXb7LkP0aZr8cDe")
            String instanceId,
            @Schema(description = "Recipient in international format; '+', spaces and dashes are "
                    + "fine, as are WhatsApp ids such as 4915112345678@s.whatsapp.net.",
                    example = "+4915112345678")
            String to,
            @Schema(description = "1 to 4096 characters, counted as code points.", example = "Hello!",
                    minLength = 1, maxLength = 4096)
            String message) {
    }
}
