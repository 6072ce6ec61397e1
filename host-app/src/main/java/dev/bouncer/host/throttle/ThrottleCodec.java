package dev.bouncer.host.throttle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.camel.throttle.Durations;
import dev.bouncer.camel.throttle.ThrottleMode;
import dev.bouncer.camel.throttle.ThrottleSettings;
import dev.bouncer.camel.throttle.ThrottleViolation;
import dev.bouncer.host.common.RequestReader;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Throttle settings in JSON, as clients send them and as they are stored. Durations are strings
 * such as {@code "500ms"}, {@code "3s"}, {@code "2m"}, {@code "1h"} or ISO-8601 {@code "PT3S"};
 * a bare number means milliseconds. Fields left out take the documented defaults.
 */
final class ThrottleCodec {

    static final String RECOMMENDED = "recommended";
    private static final Set<String> FIELDS = Set.of("preset", "mode", "minDelay", "maxDelay",
            "maxQueue", "batchSize", "cooldownMin", "cooldownMax");

    private final ObjectMapper json;

    ThrottleCodec(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a PUT body: either {@code {"preset":"recommended"}} or the settings themselves. */
    ThrottleSettings read(JsonNode body) {
        RequestReader reader = RequestReader.of(body);
        reader.rejectUnknownFields(FIELDS);
        Optional<String> preset = reader.optionalString("preset");
        if (preset.isPresent()) {
            return readPreset(reader, body, preset.get());
        }
        ThrottleSettings settings = readSettings(reader);
        for (ThrottleViolation violation : settings.violations()) {
            reader.reject(violation.field(), violation.message());
        }
        reader.throwIfInvalid();
        return settings;
    }

    private static ThrottleSettings readPreset(RequestReader reader, JsonNode body, String preset) {
        if (!RECOMMENDED.equals(preset)) {
            reader.reject("preset", "must be 'recommended'");
        } else if (body.size() > 1) {
            reader.reject("preset", "cannot be combined with other fields");
        }
        reader.throwIfInvalid();
        return ThrottleSettings.recommended();
    }

    private static ThrottleSettings readSettings(RequestReader reader) {
        String modeName = reader.requiredString("mode");
        Optional<ThrottleMode> mode = Optional.ofNullable(modeName).flatMap(ThrottleMode::fromWire);
        if (modeName != null && mode.isEmpty()) {
            reader.reject("mode", "must be one of 'off', 'fixed', 'random', 'smart'");
        }
        return new ThrottleSettings(mode.orElse(ThrottleMode.OFF),
                duration(reader, "minDelay", ThrottleSettings.DEFAULT_MIN_DELAY),
                duration(reader, "maxDelay", ThrottleSettings.DEFAULT_MAX_DELAY),
                integer(reader, "maxQueue", ThrottleSettings.DEFAULT_MAX_QUEUE),
                integer(reader, "batchSize", ThrottleSettings.DEFAULT_BATCH_SIZE),
                duration(reader, "cooldownMin", ThrottleSettings.DEFAULT_COOLDOWN_MIN),
                duration(reader, "cooldownMax", ThrottleSettings.DEFAULT_COOLDOWN_MAX));
    }

    private static Duration duration(RequestReader reader, String field, Duration fallback) {
        return reader.optionalDuration(field).orElse(fallback);
    }

    private static int integer(RequestReader reader, String field, int fallback) {
        JsonNode value = reader.raw(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            reader.reject(field, "must be a whole number");
            return fallback;
        }
        return value.intValue();
    }

    /** The settings as their JSON object, durations in their shortest exact form. */
    ObjectNode toJson(ThrottleSettings settings) {
        ObjectNode node = json.createObjectNode();
        node.put("mode", settings.mode().wire());
        node.put("minDelay", Durations.format(settings.minDelay()));
        node.put("maxDelay", Durations.format(settings.maxDelay()));
        node.put("maxQueue", settings.maxQueue());
        node.put("batchSize", settings.batchSize());
        node.put("cooldownMin", Durations.format(settings.cooldownMin()));
        node.put("cooldownMax", Durations.format(settings.cooldownMax()));
        return node;
    }

    String write(ThrottleSettings settings) {
        return toJson(settings).toString();
    }

    /** Stored settings; they were validated when written. */
    ThrottleSettings parseStored(String stored) {
        try {
            return read(json.readTree(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored throttle settings are not JSON", e);
        }
    }
}
