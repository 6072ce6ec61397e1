package dev.bouncer.host.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.workspace.OwnerPrincipal;
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
@RequestMapping(path = "/api/v1/developer/keys", produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperKeyController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ApiKeyService keys;

    DeveloperKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiKeyView> create(@AuthenticationPrincipal OwnerPrincipal owner,
            @RequestBody JsonNode body) {
        ApiKeyView created = keys.create(owner, body);
        return ResponseEntity.created(URI.create("/api/v1/developer/keys/" + created.id()))
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping
    Map<String, List<ApiKeyView>> list(@AuthenticationPrincipal OwnerPrincipal owner) {
        return Map.of("data", keys.list(owner.workspaceId()));
    }

    @GetMapping("/{id}")
    ApiKeyView get(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return keys.get(owner.workspaceId(), id);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    ApiKeyView update(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id,
            @RequestBody JsonNode body) {
        return keys.update(owner, id, body);
    }

    /** The body is optional: without one, the old secrets keep working for 24 hours. */
    @PostMapping(path = "/{id}/roll", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiKeyView> roll(@AuthenticationPrincipal OwnerPrincipal owner,
            @PathVariable String id, @RequestBody(required = false) JsonNode body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(keys.roll(owner, id, body));
    }

    @DeleteMapping("/{id}")
    ApiKeyView revoke(@AuthenticationPrincipal OwnerPrincipal owner, @PathVariable String id) {
        return keys.revoke(owner, id);
    }
}
