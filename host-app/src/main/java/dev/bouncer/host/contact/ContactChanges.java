package dev.bouncer.host.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Change;
import java.util.List;

/**
 * The validated fields of a contact body, each left out, set, or (given as null) cleared.
 *
 * @param name the display name, stripped
 * @param email the email address, stripped
 * @param tags the new list, replacing the stored one
 * @param attributes a merge patch onto the stored attributes; null removes them all
 */
record ContactChanges(Change<String> name, Change<String> email, Change<List<String>> tags,
        Change<JsonNode> attributes) {

    @Override
    public String toString() {
        return "ContactChanges[name=" + name.given() + ", email=" + email.given() + ", tags="
                + tags.given() + ", attributes=" + attributes.given() + "]";
    }
}
