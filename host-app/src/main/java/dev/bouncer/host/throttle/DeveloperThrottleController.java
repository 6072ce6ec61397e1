package dev.bouncer.host.throttle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.workspace.OwnerPrincipal;
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
class DeveloperThrottleController {

    private static final String WORKSPACE = "/api/v1/developer/throttling";
    private static final String INSTANCE = "/api/v1/developer/instances/{id}/throttling";

    private final ThrottleService throttles;

    DeveloperThrottleController(ThrottleService throttles) {
        this.throttles = throttles;
    }

    @GetMapping(path = WORKSPACE, produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode workspaceDefault(@AuthenticationPrincipal OwnerPrincipal owner) {
        return throttles.workspaceDefault(owner.workspaceId());
    }

    @PutMapping(path = WORKSPACE, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode replaceWorkspaceDefault(@AuthenticationPrincipal OwnerPrincipal owner,
            @RequestBody JsonNode body) {
        return throttles.replaceWorkspaceDefault(owner.workspaceId(), body);
    }

    @GetMapping(path = INSTANCE, produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode instance(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return throttles.instanceSettings(owner.workspaceId(), id);
    }

    @PutMapping(path = INSTANCE, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode replaceInstanceOverride(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id, @RequestBody JsonNode body) {
        return throttles.replaceInstanceOverride(owner.workspaceId(), id, body);
    }

    @DeleteMapping(path = INSTANCE, produces = MediaType.APPLICATION_JSON_VALUE)
    JsonNode removeInstanceOverride(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id) {
        return throttles.removeInstanceOverride(owner.workspaceId(), id);
    }
}
