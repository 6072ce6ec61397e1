package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.bouncer.camel.client.BouncerClient;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BouncerSecretsTest extends BouncerTestSupport {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level rootLevel;

    @BeforeEach
    void captureAllLogsAtDebug() {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restoreLogging() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    @Test
    void endpointAndConfigurationToStringMaskTheKey() {
        BouncerEndpoint endpoint = context.getEndpoint(
                sendUri("instanceId=ins_1&to=015112345678"), BouncerEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain(KEY).contains("apiKey=bnc_test_***");
        assertThat(endpoint.getConfiguration().toString())
                .doesNotContain(KEY)
                .contains("apiKey=bnc_test_***", "instanceId=ins_1");
    }

    @Test
    void neverLogsTheKeyAndLogsSendUrlAtDebug() {
        api.answerQueued("msg_1", "+4915112345678");
        api.answerProblem(401, "{\"status\":401,\"code\":\"unauthorized\"}", Map.of());
        String uri = sendUri("instanceId=ins_1&to=015112345678");

        send(uri, "first");
        Exchange refused = send(uri, "second");

        assertThat(refused.getException()).isInstanceOf(BouncerApiException.class);
        assertThat(renderedLogs())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(KEY));
        assertThat(logs.list)
                .filteredOn(event -> event.getLoggerName().equals(BouncerClient.class.getName()))
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "Bouncer send: POST " + api.baseUrl() + "/api/v1/messages/send",
                        "Bouncer send: POST " + api.baseUrl() + "/api/v1/messages/send");
    }

    private List<String> renderedLogs() {
        return logs.list.stream()
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null
                        ? ""
                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
    }
}
