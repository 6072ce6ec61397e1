package dev.bouncer.host.audit;

import dev.bouncer.host.common.Page;
import dev.bouncer.host.workspace.OwnerPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Developer settings: the workspace owner reads the audit log here. */
@RestController
@RequestMapping(path = "/api/v1/developer/audit", produces = MediaType.APPLICATION_JSON_VALUE)
class DeveloperAuditController {

    private final AuditTrail trail;

    DeveloperAuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    Page<AuditEventView> list(@AuthenticationPrincipal OwnerPrincipal owner,
            @RequestParam MultiValueMap<String, String> parameters) {
        return trail.page(owner.workspaceId(), AuditQuery.read(parameters));
    }
}
