package dev.bouncer.host.provider;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay seconds or an HTTP date. */
final class RetryAfter {

    private static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    /** The wait it asks for, capped at an hour; null when absent or unreadable. */
    static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return cap(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            return parseDate(value);
        }
    }

    private static Duration parseDate(String value) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return cap(Duration.between(ZonedDateTime.now(at.getZone()), at));
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Duration cap(Duration wait) {
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
