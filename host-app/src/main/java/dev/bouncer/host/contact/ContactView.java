package dev.bouncer.host.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A contact as the API shows it. Empty fields are written as null rather than left out, so a
 * client syncing contacts sees a cleared name or email as cleared.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ContactView(String id, String phone, String name, String email, List<String> tags,
        JsonNode attributes, Instant createdAt, Instant updatedAt) {

    static ContactView of(Contact contact) {
        return new ContactView(contact.getId(), contact.getPhone(), contact.getName(),
                contact.getEmail(), StoredJson.readStrings(contact.getTags()),
                StoredJson.read(contact.getAttributes()), contact.getCreatedAt(),
                contact.getUpdatedAt());
    }

    @Override
    public String toString() {
        return "ContactView[id=" + id + "]";
    }
}
