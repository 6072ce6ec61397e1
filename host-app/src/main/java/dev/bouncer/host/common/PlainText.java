package dev.bouncer.host.common;

import java.util.Optional;

/**
 * Rules for short human-written values such as names and labels: not blank, at most a number of
 * characters counted as code points (an emoji is one), and no control characters, which would
 * corrupt logs, CSV exports and the dashboard.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code value} is not acceptable text of at most {@code max} characters, if it is not. */
    public static Optional<String> problemWith(String value, int max) {
        if (value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
