package dev.bouncer.camel.client;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.camel.BouncerApiException;
import dev.bouncer.camel.model.Problem;

/** Turns the API's error answers into {@link BouncerApiException}s. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Maps a non-2xx answer, whether or not its body is problem json. */
    static BouncerApiException toException(
            String operation, HttpResponse<String> response, ObjectMapper mapper) {
        int status = response.statusCode();
        Problem problem = parseProblem(response, mapper)
                .map(parsed -> completed(parsed, status))
                .orElseGet(() -> notProblem(response));
        return new BouncerApiException(operation, status, problem, retryAfter(response.headers()));
    }

    /** Maps a 2xx answer whose body is not the expected JSON: the outcome is unknown. */
    static BouncerApiException unreadableSuccess(
            String operation, HttpResponse<String> response, JsonProcessingException cause) {
        String detail = "The API accepted the request but its answer could not be read ("
                + cause.getOriginalMessage() + ")";
        Problem problem = new Problem(null, null, response.statusCode(), detail,
                "invalid_response", List.of());
        BouncerApiException exception = new BouncerApiException(
                operation, response.statusCode(), problem, OptionalLong.empty());
        exception.initCause(cause);
        return exception;
    }

    private static Optional<Problem> parseProblem(
            HttpResponse<String> response, ObjectMapper mapper) {
        // Only bodies that claim to be JSON are parsed: proxies answer with HTML error pages.
        boolean isJson = contentType(response).contains("json");
        if (!isJson || response.body() == null || response.body().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(mapper.readValue(response.body(), Problem.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    // A JSON error without a code still has a useful detail; only the code is filled in.
    private static Problem completed(Problem problem, int status) {
        boolean hasCode = problem.code() != null && !problem.code().isBlank();
        String code = hasCode ? problem.code() : "http_" + status;
        String detail = problem.detail() != null ? problem.detail() : problem.title();
        return new Problem(problem.type(), problem.title(), status, detail, code, problem.errors());
    }

    private static Problem notProblem(HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = contentType(response);
        String detail = "The answer was not application/problem+json (content type: "
                + (contentType.isEmpty() ? "none" : contentType) + ")";
        return new Problem(null, null, status, detail, "http_" + status, List.of());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    // Retry-After may also be an HTTP date; Bouncer sends seconds, so a date is ignored.
    private static OptionalLong retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || !value.get().matches("\\d{1,9}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value.get()));
    }
}
