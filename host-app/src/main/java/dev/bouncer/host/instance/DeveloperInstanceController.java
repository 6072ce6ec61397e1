package dev.bouncer.host.instance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.workspace.OwnerPrincipal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Developer settings: the owner registers and lists the workspace's instances. */
@RestController
@RequestMapping(path = "/api/v1/developer/instances", produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperInstanceController {

    private final InstanceService instances;

    DeveloperInstanceController(InstanceService instances) {
        this.instances = instances;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OwnerInstanceView> register(@AuthenticationPrincipal OwnerPrincipal owner,
            @RequestBody JsonNode body) {
        Instance instance = instances.register(owner.workspaceId(), body);
        return ResponseEntity.created(URI.create("/api/v1/developer/instances/" + instance.getId()))
                .body(OwnerInstanceView.of(instance, instances.settings(instance)));
    }

    /**
     * Marks the instance connected again after a disconnect (for example once its token was
     * renewed), which resumes its paused queue. Health checks will do this on their own later.
     */
    @PostMapping("/{id}/resume")
    OwnerInstanceView resume(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id) {
        Instance instance = instances.markConnected(owner.workspaceId(), id);
        return OwnerInstanceView.of(instance, instances.settings(instance));
    }

    @GetMapping("/{id}")
    OwnerInstanceView get(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        Instance instance = instances.findInWorkspace(owner.workspaceId(), id)
                .orElseThrow(() -> new NotFoundException("instance", id));
        return OwnerInstanceView.of(instance, instances.settings(instance));
    }

    @GetMapping
    Map<String, List<OwnerInstanceView>> list(@AuthenticationPrincipal OwnerPrincipal owner) {
        return Map.of("data", instances.listForOwner(owner.workspaceId()).stream()
                .map(instance -> OwnerInstanceView.of(instance, instances.settings(instance)))
                .toList());
    }
}
