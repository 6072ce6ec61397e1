package dev.bouncer.camel;

import java.util.List;
import java.util.OptionalLong;

import dev.bouncer.camel.model.FieldError;
import dev.bouncer.camel.model.Problem;
import org.apache.camel.RuntimeCamelException;

/** The Bouncer API refused a request (a status outside 2xx) or sent an unreadable answer. */
public class BouncerApiException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> fieldErrors;
    private final Long retryAfterSeconds;

    /**
     * Creates the exception for one refused request.
     *
     * @param operation the operation that failed, e.g. {@code send}
     * @param status the HTTP status
     * @param problem the problem body, or one synthesised when the body was not problem json
     * @param retryAfterSeconds the {@code Retry-After} header in seconds, if the API sent one
     */
    public BouncerApiException(
            String operation, int status, Problem problem, OptionalLong retryAfterSeconds) {
        super(describe(operation, status, problem, retryAfterSeconds));
        this.status = status;
        this.code = problem.code();
        this.detail = problem.detail();
        this.fieldErrors = problem.errors();
        this.retryAfterSeconds = retryAfterSeconds.isPresent()
                ? retryAfterSeconds.getAsLong()
                : null;
    }

    private static String describe(
            String operation, int status, Problem problem, OptionalLong retryAfterSeconds) {
        StringBuilder text = new StringBuilder("Bouncer ").append(operation)
                .append(" failed with HTTP ").append(status)
                .append(" (").append(problem.code()).append(')');
        if (problem.detail() != null) {
            text.append(": ").append(problem.detail());
        }
        if (!problem.errors().isEmpty()) {
            text.append(' ').append(problem.errors());
        }
        retryAfterSeconds.ifPresent(
                seconds -> text.append("; retry after ").append(seconds).append('s'));
        return text.toString();
    }

    /** Returns the HTTP status the API answered with. */
    public int getStatus() {
        return status;
    }

    /** Returns the problem's machine code, or {@code http_<status>} when the body had none. */
    public String getCode() {
        return code;
    }

    /** Returns what went wrong, as the API described it; may be null. */
    public String getDetail() {
        return detail;
    }

    /** Returns every invalid field the API named; empty unless validation failed. */
    public List<FieldError> getFieldErrors() {
        return fieldErrors;
    }

    /** Returns how many seconds to wait before retrying, when the API said so (429, 503). */
    public OptionalLong getRetryAfterSeconds() {
        return retryAfterSeconds == null
                ? OptionalLong.empty()
                : OptionalLong.of(retryAfterSeconds);
    }
}
