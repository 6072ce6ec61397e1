package dev.bouncer.camel.model;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One invalid request field named in a {@code validation_failed} problem.
 *
 * @param field the request field, e.g. {@code to}
 * @param message why the value was refused
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(String field, String message) implements Serializable {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
