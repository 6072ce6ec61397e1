package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.bouncer.camel.model.FieldError;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class BouncerSendErrorsTest extends BouncerTestSupport {

    private static final String SEND = sendUri("instanceId=ins_1&to=015112345678");

    @Test
    void turnsValidationProblemIntoApiExceptionWithFieldErrors() {
        api.answerProblem(422, """
                {"type":"https://bouncer.dev/problems/validation-failed","title":"Invalid request",
                 "status":422,"detail":"2 fields are invalid","code":"validation_failed",
                 "errors":[{"field":"to","message":"is not a phone number"},
                           {"field":"message","message":"must not be blank"}]}""", Map.of());

        BouncerApiException failure = apiFailure(send(SEND, "Hi"));

        assertThat(failure.getStatus()).isEqualTo(422);
        assertThat(failure.getCode()).isEqualTo("validation_failed");
        assertThat(failure.getDetail()).isEqualTo("2 fields are invalid");
        assertThat(failure.getFieldErrors()).containsExactly(
                new FieldError("to", "is not a phone number"),
                new FieldError("message", "must not be blank"));
        assertThat(failure.getRetryAfterSeconds()).isEmpty();
        assertThat(failure).hasMessageContainingAll(
                "send", "422", "validation_failed", "to: is not a phone number");
    }

    @Test
    void turnsUnauthorizedProblemIntoApiExceptionWithoutTheKey() {
        api.answerProblem(401, """
                {"type":"https://bouncer.dev/problems/unauthorized","title":"Unauthorized",
                 "status":401,"detail":"The API key is unknown, expired or revoked",
                 "code":"unauthorized"}""", Map.of());

        BouncerApiException failure = apiFailure(send(SEND, "Hi"));

        assertThat(failure.getStatus()).isEqualTo(401);
        assertThat(failure.getCode()).isEqualTo("unauthorized");
        assertThat(failure.getFieldErrors()).isEmpty();
        assertKeyNotIn(failure);
    }

    @Test
    void exposesRetryAfterSecondsOfRateLimitedAnswer() {
        api.answerProblem(429, """
                {"title":"Queue full","status":429,"detail":"Instance ins_1 has 20 queued messages",
                 "code":"queue_full"}""", Map.of("Retry-After", "30"));

        BouncerApiException failure = apiFailure(send(SEND, "Hi"));

        assertThat(failure.getStatus()).isEqualTo(429);
        assertThat(failure.getCode()).isEqualTo("queue_full");
        assertThat(failure.getRetryAfterSeconds()).hasValue(30);
        assertThat(failure).hasMessageContaining("retry after 30s");
    }

    @Test
    void namesCodeAfterStatusWhenBodyIsNotProblemJson() {
        api.answer(502, "text/html", "<html><body>Bad Gateway</body></html>", Map.of());

        BouncerApiException failure = apiFailure(send(SEND, "Hi"));

        assertThat(failure.getStatus()).isEqualTo(502);
        assertThat(failure.getCode()).isEqualTo("http_502");
        assertThat(failure.getDetail()).contains("text/html");
        assertThat(failure.getFieldErrors()).isEmpty();
    }

    @Test
    void namesCodeAfterStatusWhenJsonErrorHasNoCode() {
        api.answer(500, "application/json", "{\"detail\":\"Database unavailable\"}", Map.of());

        BouncerApiException failure = apiFailure(send(SEND, "Hi"));

        assertThat(failure.getCode()).isEqualTo("http_500");
        assertThat(failure.getDetail()).isEqualTo("Database unavailable");
    }

    @Test
    void reportsUnreadableSuccessAnswerAsInvalidResponse() {
        api.answer(202, "application/json", "not json", Map.of());

        BouncerApiException failure = apiFailure(send(SEND, "Hi"));

        assertThat(failure.getStatus()).isEqualTo(202);
        assertThat(failure.getCode()).isEqualTo("invalid_response");
    }

    @Test
    void reportsUnreachableServerByBaseUrlWithoutTheKey() {
        FakeBouncerApi stopped = FakeBouncerApi.start();
        String closedPort = stopped.baseUrl();
        stopped.close();

        Exchange result = send(sendUri("instanceId=ins_1&to=015112345678&baseUrl=RAW("
                + closedPort + ")"), "Hi");

        assertThat(result.getException())
                .isInstanceOf(BouncerConnectionException.class)
                .hasMessageContaining(closedPort);
        assertKeyNotIn(result.getException());
    }

    private static BouncerApiException apiFailure(Exchange result) {
        assertThat(result.getException()).isInstanceOf(BouncerApiException.class);
        assertKeyNotIn(result.getException());
        return (BouncerApiException) result.getException();
    }
}
