package dev.bouncer.host.audit;

import dev.bouncer.host.common.Page;
import dev.bouncer.host.workspace.OwnerPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Developer settings: the workspace owner reads the audit log here. */
@RestController
@Tag(name = "Developer settings: audit log")
@RequestMapping(path = "/api/v1/developer/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperAuditController {

    private final AuditTrail trail;

    DeveloperAuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(operationId = "listAuditEvents", summary = "Read the audit log, newest first")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 20",
            schema = @Schema(type = "integer"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "A page's `nextCursor`",
            schema = @Schema(type = "string"))
    @Parameter(name = "keyId", in = ParameterIn.QUERY, description = "Only events of this key",
            schema = @Schema(type = "string"))
    Page<AuditEventView> list(@AuthenticationPrincipal OwnerPrincipal owner,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return trail.page(owner.workspaceId(), AuditQuery.read(parameters));
    }
}
