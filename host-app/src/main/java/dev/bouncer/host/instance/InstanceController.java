package dev.bouncer.host.instance;

import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Instances of the key's workspace and environment, for clients that pick one to send with. */
@RestController
@Tag(name = "Instances")
@RequestMapping(path = "/api/v1/instances", produces = MediaType.APPLICATION_JSON_VALUE)
class InstanceController {

    private final InstanceService instances;

    InstanceController(InstanceService instances) {
        this.instances = instances;
    }

    @GetMapping
    @RequiresPermission(Permission.INSTANCE_READ)
    @Operation(operationId = "listInstances", summary = "List the instances of the key's environment")
    Map<String, List<InstanceSummary>> list(@AuthenticationPrincipal ApiKeyPrincipal key) {
        return Map.of("data", instances.list(key.workspaceId(), key.environment()).stream()
                .map(InstanceSummary::of).toList());
    }
}
