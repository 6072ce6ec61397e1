package dev.bouncer.host.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * The JSON text of the tags and attributes columns. One plain mapper writes and reads them, so
 * the same value always gives the same text and a change can be detected by comparing texts.
 */
final class StoredJson {

    /** Decimals stay BigDecimal, so 1e400 or a long fraction comes back exactly as stored. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
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
