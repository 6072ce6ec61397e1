package dev.bouncer.host.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.apikey.ApiKeyPrincipal;
import dev.bouncer.host.apikey.Permission;
import dev.bouncer.host.apikey.RequiresPermission;
import dev.bouncer.host.common.MediaTypes;
import dev.bouncer.host.common.Page;
import dev.bouncer.host.common.PageRequest;
import dev.bouncer.host.common.QueryReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
@Tag(name = "Contacts")
@RequestMapping(path = "/api/v1/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    /** Ordered by (updatedAt, id), so a sync client can page through every change. */
    @GetMapping
    @RequiresPermission(Permission.CONTACT_READ)
    @Operation(operationId = "listContacts", summary = "List or search contacts, oldest change first")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 100, default 20",
            schema = @Schema(type = "integer"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "A page's `nextCursor`",
            schema = @Schema(type = "string"))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Part of the name, or digits of the number",
            schema = @Schema(type = "string"))
    @Parameter(name = "updatedSince", in = ParameterIn.QUERY,
            description = "Only contacts updated at or after this ISO-8601 instant",
            schema = @Schema(type = "string", format = "date-time"))
    Page<ContactView> list(@AuthenticationPrincipal ApiKeyPrincipal key,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryReader query = QueryReader.of(parameters, ContactFilter.PARAMETERS);
        PageRequest page = query.page();
        ContactFilter filter = ContactFilter.read(query);
        query.throwIfInvalid();
        return contacts.list(key.workspaceId(), key.environment(), filter, page);
    }

    @GetMapping("/{id}")
    @RequiresPermission(Permission.CONTACT_READ)
    @Operation(operationId = "getContact", summary = "Read a contact")
    ContactView get(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id) {
        return contacts.get(key.workspaceId(), key.environment(), id);
    }

    /** 201 with a Location for a new number, 200 when the number was a contact already. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresPermission(Permission.CONTACT_WRITE)
    @Operation(operationId = "upsertContact", summary = "Create a contact, or update the one with this number")
    @ApiResponse(responseCode = "201", description = "Created; `Location` points at it.")
    @ApiResponse(responseCode = "200", description = "The number was a contact already; it was updated.")
    ResponseEntity<ContactView> upsert(@AuthenticationPrincipal ApiKeyPrincipal key,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = UpsertBody.class)))
            @RequestBody JsonNode body) {
        ContactService.Upserted upserted = contacts.upsert(key.workspaceId(), key.environment(),
                ContactRequest.readUpsert(body));
        if (!upserted.created()) {
            return ResponseEntity.ok(upserted.contact());
        }
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + upserted.contact().id()))
                .body(upserted.contact());
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaTypes.MERGE_PATCH_JSON})
    @RequiresPermission(Permission.CONTACT_WRITE)
    @Operation(operationId = "updateContact", summary = "Change a contact; attributes merge as JSON Merge Patch")
    ContactView update(@AuthenticationPrincipal ApiKeyPrincipal key, @PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PatchBody.class)))
            @RequestBody JsonNode body) {
        return contacts.update(key.workspaceId(), key.environment(), id,
                ContactRequest.readPatch(body));
    }

    /** A change as documented; {@link ContactRequest} reads and checks it. Null clears a field. */
    @Schema(name = "UpdateContactRequest")
    record PatchBody(
            @Schema(maxLength = 200, example = "Ana Lima", nullable = true) String name,
            @Schema(maxLength = 254, example = "ana@example.com", nullable = true) String email,
            @Schema(description = "Up to 20 distinct tags of 1 to 50 characters; replaces the list.")
            List<String> tags,
            @Schema(description = "Merged as JSON Merge Patch: null removes a key. At most 50 keys "
                    + "of 1 to 40 characters and 4096 bytes in all.") Map<String, Object> attributes) {
    }

    /** A create-or-update as documented: the number plus any of the changeable fields. */
    @Schema(name = "UpsertContactRequest", requiredProperties = "phone")
    record UpsertBody(
            @Schema(description = "International format, or a WhatsApp id; normalised to E.164.",
                    example = "+4915112345678") String phone,
            @Schema(maxLength = 200) String name,
            @Schema(maxLength = 254) String email,
            List<String> tags,
            Map<String, Object> attributes) {
    }
}
