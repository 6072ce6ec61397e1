package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/** Runs a Camel context whose bouncer component talks to a fresh {@link FakeBouncerApi}. */
abstract class BouncerTestSupport extends CamelTestSupport {

    /** Shaped like a real key, so a leak anywhere shows up in a plain substring check. */
    static final String KEY = "bnc_test_Q7xVb2Lm9KpR4sTz8WcY1nHd6FgJ3aEu0000000010oZDU";

    final FakeBouncerApi api = FakeBouncerApi.start();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("bouncer", BouncerComponent.class)
                .getConfiguration()
                .setBaseUrl(api.baseUrl());
        return camel;
    }

    @AfterEach
    void stopFakeApi() {
        api.close();
    }

    /** Returns a send endpoint URI with the test key and the given extra options. */
    static String sendUri(String options) {
        return "bouncer:send?apiKey=" + KEY + (options.isEmpty() ? "" : "&" + options);
    }

    Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().getHeaders().putAll(headers);
        });
    }

    /** Asserts that no message in a failure's trace, causes included, holds the key. */
    static void assertKeyNotIn(Throwable failure) {
        assertNotInTrace(failure, KEY);
    }

    static void assertNotInTrace(Throwable failure, String secret) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));

        assertThat(trace.toString()).doesNotContain(secret);
    }
}
