package dev.bouncer.host.throttle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.workspace.OwnerPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Developer settings: the workspace's default throttle and per-instance overrides. */
@RestController
@Tag(name = "Developer settings: throttling")
class DeveloperThrottleController {

    private static final String WORKSPACE = "/api/v1/developer/throttling";
    private static final String INSTANCE = "/api/v1/developer/instances/{id}/throttling";

    private final ThrottleService throttles;

    DeveloperThrottleController(ThrottleService throttles) {
        this.throttles = throttles;
    }

    @GetMapping(path = WORKSPACE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getWorkspaceThrottle", summary = "Read the workspace's default throttle")
    JsonNode workspaceDefault(@AuthenticationPrincipal OwnerPrincipal owner) {
        return throttles.workspaceDefault(owner.workspaceId());
    }

    @PutMapping(path = WORKSPACE, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replaceWorkspaceThrottle", summary = "Replace the workspace's default throttle")
    JsonNode replaceWorkspaceDefault(@AuthenticationPrincipal OwnerPrincipal owner,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ThrottleBody.class)))
            @RequestBody JsonNode body) {
        return throttles.replaceWorkspaceDefault(owner.workspaceId(), body);
    }

    @GetMapping(path = INSTANCE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getInstanceThrottle", summary = "Read an instance's effective throttle")
    JsonNode instance(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return throttles.instanceSettings(owner.workspaceId(), id);
    }

    @PutMapping(path = INSTANCE, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replaceInstanceThrottle", summary = "Give an instance its own throttle")
    JsonNode replaceInstanceOverride(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ThrottleBody.class)))
            @RequestBody JsonNode body) {
        return throttles.replaceInstanceOverride(owner.workspaceId(), id, body);
    }

    @DeleteMapping(path = INSTANCE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "removeInstanceThrottle",
            summary = "Drop an instance's own throttle; it falls back to the workspace default")
    JsonNode removeInstanceOverride(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id) {
        return throttles.removeInstanceOverride(owner.workspaceId(), id);
    }

    /** Throttle settings as documented; {@link ThrottleCodec} reads and checks them. */
    @Schema(name = "ThrottleSettings", description = "Either `preset` alone, or the settings. "
            + "Durations are strings such as `500ms`, `3s`, `2m`, or numbers of milliseconds.")
    record ThrottleBody(
            @Schema(allowableValues = {"recommended"}) String preset,
            @Schema(allowableValues = {"off", "fixed", "random", "smart"}) String mode,
            @Schema(example = "3s") String minDelay,
            @Schema(example = "8s") String maxDelay,
            @Schema(example = "20") Integer maxQueue,
            @Schema(example = "10") Integer batchSize,
            @Schema(example = "30s") String cooldownMin,
            @Schema(example = "60s") String cooldownMax) {
    }
}
