package dev.bouncer.host.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.Page;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.QueryReader;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contacts of the key's workspace and environment: list, read, create or update by number. */
@RestController
@RequestMapping(path = "/api/v1/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
class ContactController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    /** Ordered by (updatedAt, id), so a sync client can page through every change. */
    @GetMapping
    @RequiresPermission(Permission.CONTACT_READ)
    Page<ContactView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestParam MultiValueMap<String, String> parameters) {
        QueryReader query = QueryReader.of(parameters, ContactFilter.PARAMETERS);
        PageRequest page = query.page();
        ContactFilter filter = ContactFilter.read(query);
        query.throwIfInvalid();
        return contacts.list(key.workspaceId(), key.environment(), filter, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.CONTACT_READ)
    ContactView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return contacts.get(key.workspaceId(), key.environment(), id);
    }

    /** 201 with a Location for a new number, 200 when the number was a contact already. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.CONTACT_WRITE)
    ResponseEntity<ContactView> upsert(@AuthenticationPrincipal ApiKeyPrincipal key,
            @RequestBody JsonNode body) {
        ContactService.Upserted upserted = contacts.upsert(key.workspaceId(), key.environment(),
                ContactRequest.readUpsert(body));
        if (!upserted.created()) {
            return ResponseEntity.ok(upserted.contact());
        }
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + upserted.contact().id()))
                .body(upserted.contact());
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH_JSON})
    @RequiresPermission(Permission.CONTACT_WRITE)
    ContactView update(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @RequestBody JsonNode body) {
        return contacts.update(key.workspaceId(), key.environment(), id,
                ContactRequest.readPatch(body));
    }
}
