package dev.bouncer.host.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A contact's attributes: a JSON object of the client's own data (plan, city, CRM id...),
 * changed with JSON Merge Patch (RFC 7396). They are kept small because every contact carries
 * them and every contact event will send them.
 */
final class Attributes {

    static final int MAX_KEYS = 50;
    static final int MAX_KEY_LENGTH = 40;
    static final int MAX_BYTES = 4096;

    private Attributes() {
    }

    static ObjectNode empty() {
        return StoredJson.mapper().createObjectNode();
    }

    /**
     * The attributes after a merge patch: a null member removes its key, an object merges into
     * the object under its key, any other value replaces it. A patch that is JSON null removes
     * every attribute. Neither argument is changed.
     */
    static ObjectNode merge(ObjectNode stored, JsonNode patch) {
        if (patch.isNull()) {
            return empty();
        }
        return (ObjectNode) mergePatch(stored, patch);
    }

    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy() : empty();
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** Every reason the attributes cannot be stored; empty when they can. */
    static List<String> problemsWith(ObjectNode attributes) {
        List<String> problems = new ArrayList<>();
        if (attributes.size() > MAX_KEYS) {
            problems.add("must have at most " + MAX_KEYS + " keys, would have " + attributes.size());
        }
        attributes.fieldNames().forEachRemaining(key -> keyProblem(key).ifPresent(problems::add));
        int bytes = StoredJson.write(attributes).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add("must be at most " + MAX_BYTES + " bytes as JSON, would be " + bytes);
        }
        return problems;
    }

    private static Optional<String> keyProblem(String key) {
        int length = key.codePointCount(0, key.length());
        if (length == 0 || length > MAX_KEY_LENGTH) {
            return Optional.of("keys must be 1 to " + MAX_KEY_LENGTH + " characters: '"
                    + abbreviate(key) + "' has " + length);
        }
        if (key.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("keys must not contain control characters");
        }
        return Optional.empty();
    }

    /** Enough of a bad key to recognise it, without echoing a long input back. */
    private static String abbreviate(String key) {
        return key.codePointCount(0, key.length()) <= MAX_KEY_LENGTH ? key
                : key.substring(0, key.offsetByCodePoints(0, MAX_KEY_LENGTH)) + "...";
    }
}
