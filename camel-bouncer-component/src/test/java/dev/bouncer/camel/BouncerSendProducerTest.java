package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

class BouncerSendProducerTest extends BouncerTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sendsTextWithBearerKeyAndSetsMessageHeaders() {
        api.answerQueued("msg_1", "+4915112345678");

        Exchange result = send(sendUri("instanceId=ins_1&to=015112345678"), "Hallo Welt");

        assertThat(result.getException()).isNull();
        RecordedRequest request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/messages/send");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Idempotency-Key")).isNull();
        assertThat(request.body()).isEqualTo(
                "{\"instanceId\":\"ins_1\",\"to\":\"015112345678\",\"message\":\"Hallo Welt\"}");
        Message out = result.getMessage();
        assertThat(out.getHeader(BouncerConstants.MESSAGE_ID)).isEqualTo("msg_1");
        assertThat(out.getHeader(BouncerConstants.MESSAGE_STATUS)).isEqualTo("queued");
        assertThat(out.getHeader(BouncerConstants.TO)).isEqualTo("+4915112345678");
        assertThat(out.getBody()).isEqualTo("Hallo Welt");
    }

    @Test
    void recipientHeaderWinsOverToOption() throws Exception {
        api.answerQueued("msg_2", "+4915112345678");

        send(sendUri("instanceId=ins_1&to=015100000000"), "Hi",
                Map.of(BouncerConstants.TO, "+4915112345678"));

        assertThat(sentFields().get("to")).isEqualTo("+4915112345678");
    }

    @Test
    void instanceHeaderWinsOverInstanceIdOption() throws Exception {
        api.answerQueued("msg_3", "+4915112345678");

        send(sendUri("instanceId=ins_option&to=015112345678"), "Hi",
                Map.of(BouncerConstants.INSTANCE_ID, "ins_header"));

        assertThat(sentFields().get("instanceId")).isEqualTo("ins_header");
    }

    @Test
    void instanceHeaderIsEnoughWithoutInstanceIdOption() throws Exception {
        api.answerQueued("msg_4", "+4915112345678");

        Exchange result = send(sendUri("to=015112345678"), "Hi",
                Map.of(BouncerConstants.INSTANCE_ID, "ins_header"));

        assertThat(result.getException()).isNull();
        assertThat(sentFields().get("instanceId")).isEqualTo("ins_header");
    }

    @Test
    void sendsIdempotencyKeyHeaderWhenPresent() {
        api.answerQueued("msg_5", "+4915112345678");

        send(sendUri("instanceId=ins_1&to=015112345678"), "Hi",
                Map.of(BouncerConstants.IDEMPOTENCY_KEY, "order-42"));

        assertThat(api.onlyRequest().header("Idempotency-Key")).isEqualTo("order-42");
    }

    @Test
    void sendsEmojiTextIntactAsUtf8() throws Exception {
        String text = "Grüße aus Köln 👋🏽🇩🇪 – 你好";
        api.answerQueued("msg_6", "+4915112345678");

        Exchange result = send(sendUri("instanceId=ins_1&to=015112345678"), text);

        assertThat(sentFields().get("message")).isEqualTo(text);
        assertThat(result.getMessage().getBody()).isEqualTo(text);
    }

    @Test
    void convertsNonStringBodyToText() throws Exception {
        api.answerQueued("msg_7", "+4915112345678");
        byte[] body = "Bytes 👍".getBytes(StandardCharsets.UTF_8);

        send(sendUri("instanceId=ins_1&to=015112345678"), body);

        assertThat(sentFields().get("message")).isEqualTo("Bytes 👍");
    }

    @Test
    void acceptsApiKeyAndRecipientWrittenAsRaw() throws Exception {
        api.answerQueued("msg_8", "+4915112345678");

        Exchange result = send("bouncer:send?apiKey=RAW(" + KEY + ")&instanceId=ins_1"
                + "&to=RAW(+4915112345678)", "Hi");

        assertThat(result.getException()).isNull();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sentFields().get("to")).isEqualTo("+4915112345678");
    }

    @Test
    void appendsApiPathToBaseUrlWithPathPrefix() {
        api.answerQueued("msg_9", "+4915112345678");

        send(sendUri("instanceId=ins_1&to=015112345678&baseUrl=" + api.baseUrl() + "/bouncer/"),
                "Hi");

        assertThat(api.onlyRequest().path()).isEqualTo("/bouncer/api/v1/messages/send");
    }

    private Map<?, ?> sentFields() throws Exception {
        return json.readValue(api.onlyRequest().body(), Map.class);
    }
}
