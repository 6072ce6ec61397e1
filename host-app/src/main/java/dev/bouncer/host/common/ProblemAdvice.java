package dev.bouncer.host.common;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every failure into problem+json with a {@code code}; never a stack trace or SQL. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final Map<Integer, String> DEFAULT_DETAILS = Map.of(
            404, "There is no such endpoint.",
            405, "This endpoint does not support that HTTP method.",
            406, "This endpoint answers only application/json.",
            415, "Send the body as JSON with the header 'Content-Type: application/json'.");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException failure) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(failure.headers());
        if (failure instanceof PermissionDeniedException denied) {
            headers.set(PermissionDeniedException.REQUIRED_PERMISSION_HEADER,
                    denied.requiredPermission());
        }
        return problem(failure.status(), headers, Problems.of(failure));
    }

    /** The servlet firewall refused a header or path value, for example non-ASCII bytes in it. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException rejected) {
        return problem(HttpStatus.BAD_REQUEST, new HttpHeaders(), Problems.of(HttpStatus.BAD_REQUEST,
                "bad_request", "A header or the path holds characters that are not allowed "
                        + "(header values must be visible ASCII)."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception failure) {
        log.error("Unexpected failure while handling a request", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, new HttpHeaders(),
                Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                        "Something went wrong on our side. The request may or may not have taken "
                                + "effect: retry with the same Idempotency-Key, or read the resource "
                                + "before repeating a change."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException failure, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(failure, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return handleApi(tooLarge);
        }
        return problem(HttpStatus.BAD_REQUEST, headers, Problems.of(HttpStatus.BAD_REQUEST,
                "malformed_json", "The request body is missing or is not valid JSON."));
    }

    /** Spring's own exceptions (405, 406, 415, 404 ...) keep their detail and gain a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail : ProblemDetail.forStatus(status);
        if (problem.getDetail() == null) {
            problem.setDetail(DEFAULT_DETAILS.getOrDefault(status.value(), failure.getMessage()));
        }
        problem.setProperty("code", Problems.codeFor(status));
        return problem(status, headers, problem);
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, HttpHeaders headers,
            ProblemDetail problem) {
        return ResponseEntity.status(status).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
