package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BouncerSendValidationTest extends BouncerTestSupport {

    @Test
    void rejectsMissingApiKeyBeforeAnyRequest() {
        assertThatThrownBy(() -> send("bouncer:send?instanceId=ins_1&to=015112345678", "Hi"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey option is required");

        assertThat(api.requests()).isEmpty();
    }

    @Test
    void rejectsMalformedApiKeyWithoutEchoingIt() {
        String wrongKey = "sk_live_Q7xVb2Lm9KpR4sTz8WcY1nHd6FgJ3aEu";
        String uri = "bouncer:send?apiKey=" + wrongKey + "&instanceId=ins_1";

        Throwable failure = catchThrowable(() -> send(uri, "Hi"));

        assertThat(failure).rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey option is malformed");
        assertNotInTrace(failure, wrongKey);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void rejectsMissingInstanceBeforeAnyRequest() {
        Exchange result = send(sendUri("to=015112345678"), "Hi");

        assertThat(result.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("instanceId", BouncerConstants.INSTANCE_ID);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void rejectsMissingRecipientBeforeAnyRequest() {
        Exchange result = send(sendUri("instanceId=ins_1"), "Hi");

        assertThat(result.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("recipient", BouncerConstants.TO);
        assertThat(api.requests()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\n" })
    void rejectsEmptyBodyBeforeAnyRequest(String body) {
        Exchange result = send(sendUri("instanceId=ins_1&to=015112345678"), body);

        assertThat(result.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No message text");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void rejectsUnknownOperationNamingTheSupportedOnes() {
        assertThatThrownBy(() -> send("bouncer:templates?apiKey=" + KEY, "Hi"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause()
                .hasMessageContainingAll("Unknown Bouncer operation 'templates'", "send", "contacts");
    }

    @Test
    void rejectsNonHttpBaseUrl() {
        assertThatThrownBy(() -> send(sendUri("baseUrl=ftp://example.org"), "Hi"))
                .rootCause()
                .hasMessageContaining("baseUrl option must be an absolute http or https URL");
    }

    @Test
    void refusesToBeUsedAsConsumer() {
        BouncerEndpoint endpoint = context.getEndpoint(sendUri(""), BouncerEndpoint.class);

        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("only produces");
    }
}
