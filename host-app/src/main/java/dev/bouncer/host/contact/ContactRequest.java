package dev.bouncer.host.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Change;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.message.Recipients;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bodies of {@code POST} and {@code PATCH /api/v1/contacts}, naming every bad field
 * in one 422. Only the attribute limits that depend on the stored attributes are left to check.
 */
final class ContactRequest {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 254;
    private static final Set<String> FIELDS = Set.of("phone", "name", "email", "tags", "attributes");
    /**
     * Plausible, not RFC 5322 complete: one {@code @}, a local part without spaces, a domain of
     * letter-and-digit labels ending in a top-level domain of letters. Mistakes such as a
     * missing domain or a comma for a dot are caught; nobody can verify an address without
     * mailing it.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cc}]{1,64}@"
            + "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");

    private ContactRequest() {
    }

    static NewContact readUpsert(JsonNode json) {
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(FIELDS);
        String phone = readPhone(body);
        ContactChanges changes = readChanges(body);
        body.throwIfInvalid();
        return new NewContact(phone, changes);
    }

    static ContactChanges readPatch(JsonNode json) {
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(FIELDS);
        if (body.names("phone")) {
            body.reject("phone", "cannot be changed: a contact is its number; "
                    + "create a contact for the new number instead");
        }
        if (body.isEmpty()) {
            body.reject("body", "must name at least one of name, email, tags, attributes");
        }
        ContactChanges changes = readChanges(body);
        body.throwIfInvalid();
        return changes;
    }

    /** The number as E.164, normalised exactly as a send's {@code to}. */
    private static String readPhone(RequestReader body) {
        String raw = body.requiredString("phone");
        if (raw == null) {
            return null;
        }
        Recipients.Result phone = Recipients.normalise(raw);
        if (!phone.isValid()) {
            body.reject("phone", phone.problem());
        }
        return phone.e164();
    }

    private static ContactChanges readChanges(RequestReader body) {
        return new ContactChanges(readName(body), readEmail(body), readTags(body),
                readAttributes(body));
    }

    private static Change<String> readName(RequestReader body) {
        if (!body.names("name")) {
            return Change.keep();
        }
        String name = body.optionalString("name").orElse(null);
        if (name != null) {
            PlainText.problemWith(name, MAX_NAME_LENGTH)
                    .ifPresent(problem -> body.reject("name", problem));
        }
        return Change.to(name == null ? null : name.strip());
    }

    private static Change<String> readEmail(RequestReader body) {
        if (!body.names("email")) {
            return Change.keep();
        }
        String email = body.optionalString("email").map(String::strip).orElse(null);
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            body.reject("email", "must be an email address such as ana@example.com, at most "
                    + MAX_EMAIL_LENGTH + " characters");
        }
        return Change.to(email);
    }

    private static Change<List<String>> readTags(RequestReader body) {
        if (!body.names("tags")) {
            return Change.keep();
        }
        if (body.raw("tags") == null) {
            return Change.to(null);
        }
        List<String> tags = body.stringArray("tags");
        if (tags == null) {
            return Change.keep();
        }
        Tags.problemWith(tags).ifPresent(problem -> body.reject("tags", problem));
        return Change.to(tags.stream().map(String::strip).toList());
    }

    /**
     * The merge patch, checked against the limits on its own: what it sets stays in the result
     * whatever is stored, so a patch that breaks a limit alone is refused with the other fields.
     */
    private static Change<JsonNode> readAttributes(RequestReader body) {
        if (!body.names("attributes")) {
            return Change.keep();
        }
        JsonNode patch = body.raw("attributes");
        if (patch == null) {
            return Change.to(null);
        }
        if (!patch.isObject()) {
            body.reject("attributes", "must be a JSON object; a member set to null removes it");
            return Change.keep();
        }
        Attributes.problemsWith(Attributes.merge(Attributes.empty(), patch))
                .forEach(problem -> body.reject("attributes", problem));
        return Change.to(patch);
    }
}
