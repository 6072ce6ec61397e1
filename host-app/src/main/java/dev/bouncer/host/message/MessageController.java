package dev.bouncer.host.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.RequestReader;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sending messages and reading their status with an API key. */
@RestController
@RequestMapping(path = "/api/v1/messages", produces = MediaType.APPLICATION_JSON_VALUE)
class MessageController {

    private final OutboxService outbox;

    MessageController(OutboxService outbox) {
        this.outbox = outbox;
    }

    @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.MESSAGE_SEND)
    ResponseEntity<AcceptedMessage> send(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestBody JsonNode body) {
        SendRequest request = SendRequest.read(RequestReader.of(body));
        OutboxMessage queued = outbox.enqueue(key.workspaceId(), key.environment(), request);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/messages/" + queued.getId()))
                .body(AcceptedMessage.of(queued));
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.MESSAGE_SEND)
    MessageView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return outbox.view(key.workspaceId(), key.environment(), id);
    }
}
