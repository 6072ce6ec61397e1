package dev.bouncer.host.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.RequestReader;
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
    ResponseEntity<AcceptedMessage> send(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestHeader(name = SendRequest.IDEMPOTENCY_HEADER, required = false)
            List<String> idempotencyKeys,
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
    MessageView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return outbox.view(key.workspaceId(), key.environment(), id);
    }

    /** Cancels a message that is still queued: 409 once its send has started. */
    @DeleteMapping("/{id}")
    @RequiresPermission(Permission.MESSAGE_SEND)
    MessageView cancel(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        try {
            return outbox.cancel(key.workspaceId(), key.environment(), id);
        } catch (ConcurrencyFailureException claimedMeanwhile) {
            throw new MessageNotCancellableException(id, MessageStatus.SENDING);
        }
    }
}
