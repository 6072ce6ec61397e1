package dev.bouncer.host.inbound;

import static dev.bouncer.host.inbound.WebhookPoster.fixture;
import static dev.bouncer.host.inbound.WebhookPoster.wahaHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppIT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Evolution API and WAHA both ways, through the public surface only: an instance registered by
 * the owner, a send through the API that reaches the provider in its documented shape, then
 * the provider's receipts posted to the webhook endpoint, read back as delivered, then read.
 */
class ProviderRoundTripIT extends HostAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVOLUTION_SECRET = "synthetic-roundtrip-evolution-secret";
    private static final String WAHA_KEY = "synthetic-roundtrip-waha-hmac-key";

    @Test
    void evolutionSendThenDeliveredThenRead() throws Exception {
        PROVIDER.on("/message/sendText/roundtrip", 201,
                text("evolution-api/send/send-text-response-201.json"));
        String instanceId = registerLiveInstance("evolution", "{\"baseUrl\":\"" + PROVIDER.baseUrl()
                + "\",\"instanceName\":\"roundtrip\",\"apiKey\":\"synthetic-roundtrip-evolution-key\","
                + "\"webhookSecret\":\"" + EVOLUTION_SECRET + "\"}");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+1 555 010 0001", "Your order #1001 has shipped.")
                .json().path("id").asText();
        JsonNode sent = awaitStatus(key, messageId, "sent");

        RecordedRequest request = PROVIDER.requestsTo("/message/sendText/roundtrip").get(0);
        assertThat(request.header("apikey")).isEqualTo("synthetic-roundtrip-evolution-key");
        assertThat(JSON.readTree(request.body()).path("number").asText()).isEqualTo("15550100001");
        assertThat(JSON.readTree(request.body()).path("text").asText()).isEqualTo("Your order #1001 has shipped.");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo("BAE5F1A2B3C4D5E6");

        postEvolution(instanceId, evolutionReceipt("DELIVERY_ACK"));
        awaitStatus(key, messageId, "delivered");
        postEvolution(instanceId, evolutionReceipt("READ"));
        JsonNode read = awaitStatus(key, messageId, "read");

        assertThat(read.path("history").findValuesAsText("status"))
                .containsSubsequence("queued", "sending", "sent", "delivered", "read");
    }

    @Test
    void wahaSendThenDeliveredThenRead() throws Exception {
        PROVIDER.on("/api/sendText", 201, text("waha/send/send-text-response-201.json"));
        String instanceId = registerLiveInstance("waha", "{\"baseUrl\":\"" + PROVIDER.baseUrl()
                + "\",\"session\":\"default\",\"apiKey\":\"synthetic-roundtrip-waha-key\","
                + "\"webhookHmacKey\":\"" + WAHA_KEY + "\"}");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100001", "Your order #1001 has shipped.")
                .json().path("id").asText();
        JsonNode sent = awaitStatus(key, messageId, "sent");

        RecordedRequest request = PROVIDER.requestsTo("/api/sendText").get(
                PROVIDER.requestsTo("/api/sendText").size() - 1);
        assertThat(request.header("X-Api-Key")).isEqualTo("synthetic-roundtrip-waha-key");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("session").asText()).isEqualTo("default");
        assertThat(body.path("chatId").asText()).isEqualTo("15550100001@c.us");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo("true_15550100001@c.us_3EB0FFEEDDCCBBAA0005");

        postWaha(instanceId, wahaAck(2, "evt_roundtrip_delivered"));
        awaitStatus(key, messageId, "delivered");
        postWaha(instanceId, wahaAck(3, "evt_roundtrip_read"));
        JsonNode read = awaitStatus(key, messageId, "read");

        assertThat(read.path("history").findValuesAsText("status"))
                .containsSubsequence("queued", "sending", "sent", "delivered", "read");
    }

    private static byte[] evolutionReceipt(String status) {
        return text("evolution-api/webhooks/messages-update-read.json")
                .replace("\"status\": \"READ\"", "\"status\": \"" + status + "\"")
                .replace("acme-support", "roundtrip").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wahaAck(int ack, String eventId) {
        return text("waha/webhooks/message-ack-read.json")
                .replace("\"ack\": 3", "\"ack\": " + ack)
                .replace("evt_01jh0000000000000000000104", eventId).getBytes(StandardCharsets.UTF_8);
    }

    private void postEvolution(String instanceId, byte[] body) {
        HttpResponse<String> answer = new WebhookPoster(port).post("/webhooks/providers/" + instanceId, body,
                "X-Bouncer-Webhook-Secret", EVOLUTION_SECRET);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void postWaha(String instanceId, byte[] body) {
        HttpResponse<String> answer = new WebhookPoster(port).post("/webhooks/providers/" + instanceId, body,
                "X-Webhook-Hmac-Algorithm", "sha512", "X-Webhook-Hmac", wahaHmac(WAHA_KEY, body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String text(String fixture) {
        return new String(fixture(fixture), StandardCharsets.UTF_8);
    }
}
