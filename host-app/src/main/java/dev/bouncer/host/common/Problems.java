package dev.bouncer.host.common;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies every endpoint answers with; the {@code code} field is stable. */
public final class Problems {

    private static final Map<Integer, String> CODE_BY_STATUS = Map.ofEntries(
            Map.entry(400, "bad_request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload_too_large"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(422, "validation_failed"),
            Map.entry(429, "rate_limited"),
            Map.entry(503, "unavailable"));

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(ApiException failure) {
        ProblemDetail problem = of(failure.status(), failure.code(), failure.getMessage());
        if (failure instanceof ValidationException invalid) {
            problem.setProperty("errors", fieldErrors(invalid.errors()));
        }
        if (failure instanceof PermissionDeniedException denied) {
            problem.setProperty("requiredPermission", denied.requiredPermission());
        }
        return problem;
    }

    /** The machine code for a status when nothing more specific is known. */
    public static String codeFor(HttpStatusCode status) {
        return CODE_BY_STATUS.getOrDefault(status.value(),
                status.is5xxServerError() ? "internal_error" : "error");
    }

    private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList();
    }
}
