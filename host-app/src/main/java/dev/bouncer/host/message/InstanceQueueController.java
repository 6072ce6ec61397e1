package dev.bouncer.host.message;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.instance.Instance;
import dev.bouncer.host.instance.InstanceService;
import dev.bouncer.host.throttle.ThrottleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One instance with its send queue: depth, whether it is paused, the next allowed send and the
 * effective throttle. It lives with the outbox because the queue is the outbox's.
 */
@RestController
@Tag(name = "Instances")
class InstanceQueueController {

    private final InstanceService instances;
    private final ThrottleService throttles;
    private final OutboxRepository messages;

    InstanceQueueController(InstanceService instances, ThrottleService throttles,
            OutboxRepository messages) {
        this.instances = instances;
        this.throttles = throttles;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/instances/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.INSTANCE_READ)
    @Operation(operationId = "getInstance", summary = "Read an instance, its connection status and queue")
    @Transactional(readOnly = true)
    InstanceDetail get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        Instance instance = instances.find(key.workspaceId(), key.environment(), id)
                .orElseThrow(() -> new NotFoundException("instance", id));
        Queue queue = new Queue(
                messages.countByInstanceIdAndStatus(id, MessageStatus.QUEUED),
                messages.countByInstanceIdAndStatus(id, MessageStatus.SENDING),
                !instance.isAcceptingSends(), instance.throttleState().nextSendAt());
        return new InstanceDetail(instance.getId(), instance.getName(),
                instance.getEnvironment().wire(), instance.getProvider().wire(),
                instance.getStatus().wire(), queue, throttles.view(throttles.effective(instance)),
                instance.getCreatedAt());
    }

    /** The instance and its queue as an API key sees them. */
    record InstanceDetail(String id, String name, String environment, String provider,
            String status, Queue queue, JsonNode throttle, Instant createdAt) {
    }

    /**
     * @param depth messages waiting
     * @param inFlight messages being sent right now (0 or 1)
     * @param paused true while the instance is not connected: nothing is sent, nothing is lost
     * @param nextSendAt earliest start of the next send, null when there is no gap to wait for
     */
    record Queue(long depth, long inFlight, boolean paused, Instant nextSendAt) {
    }
}
