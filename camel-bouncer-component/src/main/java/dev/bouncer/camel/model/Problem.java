package dev.bouncer.camel.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RFC 9457 {@code application/problem+json} error body with Bouncer's extensions.
 *
 * @param type a URI identifying the problem type
 * @param title a short summary of the problem type
 * @param status the HTTP status the API answered with
 * @param detail what went wrong with this request
 * @param code the stable machine code, e.g. {@code validation_failed}
 * @param errors every invalid field, empty unless the request failed validation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(
        String type, String title, Integer status, String detail, String code,
        List<FieldError> errors) {

    /** Keeps {@code errors} non-null, since most problems carry none. */
    public Problem {
        errors = errors == null
                ? List.of()
                : errors.stream().filter(Objects::nonNull).toList();
    }
}
