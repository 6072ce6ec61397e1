package dev.bouncer.host.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in owner's workspace, and new workspaces for other teams. A new workspace is a
 * separate tenant: its owner signs in with their own credentials and sees nothing of this one.
 */
@RestController
@Tag(name = "Developer settings: workspaces")
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperWorkspaceController {

    private final WorkspaceService workspaces;

    DeveloperWorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/api/v1/developer/workspace")
    @Operation(operationId = "getWorkspace", summary = "Read the signed-in owner's workspace")
    WorkspaceView current(@AuthenticationPrincipal OwnerPrincipal owner) {
        return WorkspaceView.of(workspaces.get(owner.workspaceId()), owner.getUsername());
    }

    @PostMapping(path = "/api/v1/developer/workspaces", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createWorkspace", summary = "Create another workspace with its own owner")
    @ApiResponse(responseCode = "201", description = "Created, with its own sandbox instance.")
    @ApiResponse(responseCode = "403", description = "Only the owner of the `default` workspace creates workspaces.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The name or the owner email is taken.",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<WorkspaceView> create(@AuthenticationPrincipal OwnerPrincipal owner,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = CreateBody.class)))
            @RequestBody JsonNode body) {
        NewWorkspace request = NewWorkspace.read(body);
        Workspace created;
        try {
            created = workspaces.createSeparate(owner.workspaceId(), request);
        } catch (DataIntegrityViolationException concurrentRequest) {
            throw new WorkspaceTakenException("workspace_taken",
                    "Another request took this name or owner email a moment ago.");
        }
        return ResponseEntity.created(URI.create("/api/v1/developer/workspace"))
                .body(WorkspaceView.of(created, request.ownerEmail()));
    }

    /** The body of a create, as documented; {@link NewWorkspace} reads and checks it. */
    @Schema(name = "CreateWorkspaceRequest", requiredProperties = {"name", "ownerEmail", "ownerPassword"})
    record CreateBody(
            @Schema(example = "Support team", maxLength = 100) String name,
            @Schema(example = "lead@example.com") String ownerEmail,
            @Schema(description = "At least 12 characters.", minLength = NewWorkspace.MIN_PASSWORD_LENGTH)
            String ownerPassword) {
    }
}
