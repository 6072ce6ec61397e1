package dev.bouncer.host.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.MediaTypes;
import dev.bouncer.host.workspace.OwnerPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Developer settings: the workspace owner manages API keys here. */
@RestController
@Tag(name = "Developer settings: API keys")
@RequestMapping(path = "/api/v1/developer/keys", produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperKeyController {

    private final ApiKeyService keys;

    DeveloperKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createKey", summary = "Create an API key (the full key is shown once)")
    @ApiResponse(responseCode = "201", description = "Created; `key` appears in this answer only.")
    ResponseEntity<ApiKeyView> create(@AuthenticationPrincipal OwnerPrincipal owner,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = CreateBody.class)))
            @RequestBody JsonNode body) {
        ApiKeyView created = keys.create(owner, body);
        return ResponseEntity.created(URI.create("/api/v1/developer/keys/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping
    @Operation(operationId = "listKeys", summary = "List the workspace's API keys")
    Map<String, List<ApiKeyView>> list(@AuthenticationPrincipal OwnerPrincipal owner) {
        return Map.of("data", keys.list(owner.workspaceId()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getKey", summary = "Read an API key")
    ApiKeyView get(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return keys.get(owner.workspaceId(), id);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.MERGE_PATCH_JSON})
    @Operation(operationId = "updateKey", summary = "Rename a key or change its permissions")
    @ApiResponse(responseCode = "409", description = "The key is revoked.",
            content = @Content(mediaType = "application/problem+json"))
    ApiKeyView update(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = UpdateBody.class)))
            @RequestBody JsonNode body) {
        return keys.update(owner, id, body);
    }

    /** The body is optional: without one, the old secrets keep working for 24 hours. */
    @PostMapping(path = "/{id}/roll", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "rollKey", summary = "Replace a key's secret; the old one works for a grace period")
    @ApiResponse(responseCode = "200", description = "Rolled; the new `key` appears in this answer only.")
    @ApiResponse(responseCode = "409", description = "The key is revoked or expired.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ApiKeyView> roll(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    content = @Content(schema = @Schema(implementation = RollBody.class)))
            @RequestBody(required = false) JsonNode body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(keys.roll(owner, id, body));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke an API key at once")
    ApiKeyView revoke(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return keys.revoke(owner, id);
    }

    /** A create as documented; {@link KeyRequests} reads and checks it. */
    @Schema(name = "CreateKeyRequest", requiredProperties = {"name", "environment", "permissions"})
    record CreateBody(
            @Schema(example = "n8n production", maxLength = 100) String name,
            @Schema(allowableValues = {"live", "test"}) String environment,
            @Schema(description = "Any non-empty subset.", allowableValues = {"message:send",
                    "instance:read", "conversation:manage", "contact:read", "contact:write"})
            List<String> permissions,
            @Schema(description = "Optional; the key stops working then.", format = "date-time")
            String expiresAt) {
    }

    /** A change as documented: either field or both; the environment never changes. */
    @Schema(name = "UpdateKeyRequest")
    record UpdateBody(
            @Schema(maxLength = 100) String name,
            @Schema(allowableValues = {"message:send", "instance:read", "conversation:manage",
                    "contact:read", "contact:write"}) List<String> permissions) {
    }

    /** A roll as documented; without a body the grace period is 24 hours. */
    @Schema(name = "RollKeyRequest")
    record RollBody(
            @Schema(description = "How long the old secret keeps working: `0s` to `7d`.",
                    example = "24h", defaultValue = "24h") String gracePeriod) {
    }
}
