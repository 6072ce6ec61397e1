package dev.bouncer.host.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The JSON text of the tags and attributes columns. One plain mapper writes and reads them, so
 * the same value always gives the same text and a change can be detected by comparing texts.
 */
final class StoredJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write contact data as JSON", e);
        }
    }

    static JsonNode read(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contact data is not valid JSON", e);
        }
    }

    static List<String> readStrings(String stored) {
        try {
            return JSON.readValue(stored, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contact tags are not a JSON array of strings", e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
