package dev.bouncer.host.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.workspace.OwnerPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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
            @RequestBody JsonNode body) {
        ApiKeyView created = keys.create(owner.workspaceId(), body);
        return ResponseEntity.created(URI.create("/api/v1/developer/keys/" + created.id()))
                .header("Cache-Control", "no-store")
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

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke an API key at once")
    ApiKeyView revoke(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return keys.revoke(owner.workspaceId(), id);
    }
}
