package dev.bouncer.host.instance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.MediaTypes;
import dev.bouncer.host.common.NotFoundException;
import dev.bouncer.host.workspace.OwnerPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Developer settings: the owner registers, lists and changes the workspace's instances. */
@RestController
@Tag(name = "Developer settings: instances")
@RequestMapping(path = "/api/v1/developer/instances", produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperInstanceController {

    private static final String CONFIG_FIELDS = "Provider settings; secrets are stored encrypted and "
            + "never shown again. `cloud-api`: `phoneNumberId`, `accessToken` (secret), optional "
            + "`baseUrl`, `apiVersion`. `evolution`: `baseUrl`, `instanceName`, `apiKey` (secret), "
            + "optional `webhookSecret` (secret, 16+ characters). `waha`: `baseUrl`, `apiKey` "
            + "(secret), optional `session` (default `default`), `webhookHmacKey` (secret, 16+ "
            + "characters).";

    private final InstanceService instances;

    DeveloperInstanceController(InstanceService instances) {
        this.instances = instances;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "registerInstance", summary = "Register an instance (a WhatsApp number)")
    @ApiResponse(responseCode = "201", description = "Registered; secrets are stored encrypted.")
    ResponseEntity<OwnerInstanceView> register(@AuthenticationPrincipal OwnerPrincipal owner,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = RegisterBody.class)))
            @RequestBody JsonNode body) {
        Instance instance = instances.register(owner.workspaceId(), body);
        return ResponseEntity.created(URI.create("/api/v1/developer/instances/" + instance.getId()))
                .body(OwnerInstanceView.of(instance, instances.providerConfig(instance)));
    }

    /**
     * Renames an instance or changes its provider config: how an owner renews a token or adds a
     * webhook secret. Config fields given replace the stored ones; the rest are kept.
     */
    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "updateInstance", summary = "Rename an instance or change its provider config")
    @ApiResponse(responseCode = "422", description = "Invalid fields, each named; nothing changed.",
            content = @Content(mediaType = "application/problem+json"))
    OwnerInstanceView update(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = UpdateBody.class)))
            @RequestBody JsonNode body) {
        Instance instance = instances.update(owner.workspaceId(), id, body);
        return OwnerInstanceView.of(instance, instances.providerConfig(instance));
    }

    /**
     * Marks the instance connected again after a disconnect (for example once its token was
     * renewed), which resumes its paused queue. The health check does the same on its own
     * once the provider reports the number connected.
     */
    @PostMapping("/{id}/resume")
    @Operation(operationId = "resumeInstance", summary = "Mark an instance connected and resume its queue")
    OwnerInstanceView resume(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id) {
        Instance instance = instances.markConnected(owner.workspaceId(), id);
        return OwnerInstanceView.of(instance, instances.providerConfig(instance));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOwnedInstance", summary = "Read an instance with its settings")
    OwnerInstanceView get(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        Instance instance = instances.findInWorkspace(owner.workspaceId(), id)
                .orElseThrow(() -> new NotFoundException("instance", id));
        return OwnerInstanceView.of(instance, instances.providerConfig(instance));
    }

    @GetMapping
    @Operation(operationId = "listOwnedInstances", summary = "List the workspace's instances")
    Map<String, List<OwnerInstanceView>> list(@AuthenticationPrincipal OwnerPrincipal owner) {
        return Map.of("data", instances.listForOwner(owner.workspaceId()).stream()
                .map(instance -> OwnerInstanceView.of(instance, instances.providerConfig(instance)))
                .toList());
    }

    /** The body of a registration, as documented; {@link InstanceRegistrationReader} checks it. */
    @Schema(name = "RegisterInstanceRequest", requiredProperties = {"name", "environment", "provider"})
    record RegisterBody(
            @Schema(example = "Shop number", maxLength = 100) String name,
            @Schema(allowableValues = {"live", "test"}) String environment,
            @Schema(description = "`sandbox` for test instances; `cloud-api`, `evolution` or `waha` "
                    + "for live ones.", allowableValues = {"cloud-api", "evolution", "waha", "sandbox"})
            String provider,
            @Schema(description = CONFIG_FIELDS) Map<String, String> config) {
    }

    /** The body of a change; every field optional, config fields replace the stored ones. */
    @Schema(name = "UpdateInstanceRequest")
    record UpdateBody(
            @Schema(example = "Shop number", maxLength = 100) String name,
            @Schema(description = "The config fields to replace; `null` removes an optional one. "
                    + CONFIG_FIELDS) Map<String, String> config) {
    }
}
