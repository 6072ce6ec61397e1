package dev.bouncer.camel.throttle;

import java.util.Objects;

/** One invalid throttle setting, named by its JSON field, with what is wrong with it. */
public record ThrottleViolation(String field, String message) {

    public ThrottleViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
