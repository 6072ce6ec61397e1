package dev.bouncer.host.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The request was well-formed JSON but some fields are invalid; all of them are listed. */
public class ValidationException extends ApiException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? "1 field is invalid: " + errors.get(0).field() + "."
                : errors.size() + " fields are invalid.";
    }
}
