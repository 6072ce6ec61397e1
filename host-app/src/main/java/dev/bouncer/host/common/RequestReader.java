package dev.bouncer.host.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bouncer.camel.throttle.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON request body field by field and collects every problem, so one 422 can name all
 * bad fields at once instead of failing on the first.
 */
public final class RequestReader {

    private static final String DURATION_FORMS =
            "must be a duration such as \"500ms\", \"3s\", \"2m\", \"1h\", \"7d\" or \"PT3S\"";

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private RequestReader(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** A reader over a whole request body, which must be a JSON object. */
    public static RequestReader of(JsonNode body) {
        RequestReader reader = new RequestReader(body, "", new ArrayList<>());
        if (body == null || !body.isObject()) {
            reader.errors.add(new FieldError("body", "must be a JSON object"));
            reader.throwIfInvalid();
        }
        rejectUnpairedSurrogates(body, "", reader.errors);
        return reader;
    }

    /**
     * Names every string or member name holding half of a surrogate pair (an escaped
     * {@code "\ud83d"} alone): it is no character, and strict JSON parsers fail on it later.
     */
    private static void rejectUnpairedSurrogates(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual() && PlainText.hasUnpairedSurrogate(node.textValue())) {
            errors.add(new FieldError(path, "contains an unpaired UTF-16 surrogate, which is no character"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectUnpairedSurrogates(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(member -> {
                if (PlainText.hasUnpairedSurrogate(member.getKey())) {
                    errors.add(new FieldError(path.isEmpty() ? "body" : path,
                            "has a member name with an unpaired UTF-16 surrogate"));
                }
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                rejectUnpairedSurrogates(member.getValue(), memberPath, errors);
            });
        }
    }

    /** A reader over a nested object; a missing one reads as empty when not required. */
    public RequestReader object(String field, boolean required) {
        JsonNode value = present(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return new RequestReader(MissingNode.getInstance(), path(field) + ".", errors);
        }
        if (!value.isObject()) {
            reject(field, "must be a JSON object");
            return new RequestReader(MissingNode.getInstance(), path(field) + ".", errors);
        }
        return new RequestReader(value, path(field) + ".", errors);
    }

    /**
     * A reader over {@code value} standing in for the field's object, whose problems are named
     * under the field with the rest of this body's: for a PATCH, the stored object with the
     * given changes laid over it.
     */
    public RequestReader objectAs(String field, JsonNode value) {
        return new RequestReader(value, path(field) + ".", errors);
    }

    public String requiredString(String field) {
        return optionalString(field).orElseGet(() -> {
            if (present(field) == null) {
                reject(field, "is required");
            }
            return null;
        });
    }

    public Optional<String> optionalString(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            reject(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(value.textValue());
    }

    /** The strings of an array field; null when absent or not an array of strings. */
    public List<String> stringArray(String field) {
        JsonNode value = present(field);
        if (value == null) {
            reject(field, "is required");
            return null;
        }
        if (!value.isArray()) {
            reject(field, "must be an array of strings");
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                reject(field, "must be an array of strings");
                return null;
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    /**
     * A duration as {@link Durations} reads it ({@code "3s"}, {@code "24h"}, {@code "PT3S"}), or
     * a JSON whole number of milliseconds. Empty when absent, and when invalid: then the field is
     * rejected. Limits are the operation's to check.
     */
    public Optional<Duration> optionalDuration(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return Optional.of(Duration.ofMillis(value.longValue()));
        }
        if (value.isTextual()) {
            try {
                return Optional.of(Durations.parse(value.textValue()));
            } catch (IllegalArgumentException notADuration) {
                // reported below, like a value of the wrong type
            }
        }
        reject(field, DURATION_FORMS);
        return Optional.empty();
    }

    /** The field's raw JSON value, null when absent or JSON null: for fields of mixed types. */
    public JsonNode raw(String field) {
        return present(field);
    }

    /** True when the body names the field, even as JSON null: in a PATCH, null clears a field. */
    public boolean names(String field) {
        return node.has(field);
    }

    /** True when the body names no field at all. */
    public boolean isEmpty() {
        return node.isEmpty();
    }

    /** Names every field that the operation does not know, so typos do not pass silently. */
    public void rejectUnknownFields(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(name, "is not a known field");
            }
        }
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(path(field), message));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private String path(String field) {
        return prefix + field;
    }
}
