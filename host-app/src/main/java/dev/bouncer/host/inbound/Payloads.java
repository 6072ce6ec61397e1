package dev.bouncer.host.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Sha256;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Small readers shared by the webhook formats, which all disagree on how to write time. */
final class Payloads {

    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private Payloads() {
    }

    /** Unix seconds or milliseconds, as a number or a string (Meta sends strings); else null. */
    static Instant unixTime(JsonNode value) {
        long raw;
        if (value.isNumber()) {
            raw = value.longValue();
        } else if (value.isTextual() && value.textValue().matches("[0-9]{1,16}")) {
            raw = Long.parseLong(value.textValue());
        } else {
            return null;
        }
        // Seconds reach 10^11 only in the year 5138: anything larger is milliseconds.
        return raw >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(raw) : Instant.ofEpochSecond(raw);
    }

    /** An ISO-8601 date-time with an offset, else null. */
    static Instant isoTime(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first non-null of the times, or {@code fallback}. */
    static Instant firstTime(Instant fallback, Instant... candidates) {
        for (Instant candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return fallback;
    }

    /** A key that fits the table: provider ids as they are, longer ones and bodies hashed. */
    static String key(String providerId) {
        return providerId.length() <= InboundItem.MAX_KEY ? providerId : "sha256:" + Sha256.hex(providerId);
    }

    static String bodyKey(String rawBody) {
        return "sha256:" + Sha256.hex(rawBody);
    }

    /** A text field, or null when absent, not text or blank. */
    static String text(JsonNode value) {
        return value.isTextual() && !value.textValue().isBlank() ? value.textValue() : null;
    }

    /** The placeholder shown for a message that is not text, such as {@code [image]}. */
    static String placeholder(String type) {
        return "[" + type + "]";
    }
}
