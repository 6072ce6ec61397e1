package dev.bouncer.host.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sends through WAHA, end to end from the REST API to a fake WAHA server. WAHA has one send
 * path for all sessions, so each test runs its own fake and the session name tells tests apart.
 */
class WahaConnectorIT extends HostAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND = "/api/sendText";
    private static final String TEXT = "Your order #1001 has shipped.";

    @Test
    void sendsTheFixturesRequestAndStoresWahasSerializedId() throws Exception {
        try (FakeProvider waha = new FakeProvider()) {
            waha.on(SEND, 201, fixture("send-text-response-201.json"));
            String instanceId = registerWaha(waha, null, "synthetic-waha-key-0001");
            String key = createKey("live", "message:send");

            String messageId = send(key, instanceId, "+1 555 010 0001", TEXT).json().path("id").asText();

            JsonNode sent = awaitStatus(key, messageId, "sent");
            assertThat(sent.path("providerMessageId").asText())
                    .isEqualTo("true_15550100001@c.us_3EB0FFEEDDCCBBAA0005");
            RecordedRequest request = waha.requestsTo(SEND).get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("X-Api-Key")).isEqualTo("synthetic-waha-key-0001");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(JSON.readTree(request.body()))
                    .isEqualTo(JSON.readTree(fixture("send-text-request.json")));
        }
    }

    @Test
    void sendsOnTheConfiguredSession() throws Exception {
        try (FakeProvider waha = new FakeProvider()) {
            waha.on(SEND, 201, fixture("send-text-response-201.json"));
            String instanceId = registerWaha(waha, "sales_2", "synthetic-waha-key-0002");
            String key = createKey("live", "message:send");

            awaitStatus(key, send(key, instanceId, "+15550100001", TEXT).json().path("id").asText(), "sent");

            assertThat(JSON.readTree(waha.requestsTo(SEND).get(0).body()).path("session").asText())
                    .isEqualTo("sales_2");
        }
    }

    @Test
    void refusedApiKeyDisconnectsTheInstanceAndPausesItsQueue() {
        try (FakeProvider waha = new FakeProvider()) {
            waha.on(SEND, 401, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
            String instanceId = registerWaha(waha, null, "synthetic-waha-key-0003");
            String key = createKey("live", "message:send", "instance:read");

            String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instanceStatus(key, instanceId).equals("disconnected"));
            JsonNode instance = api().get("/api/v1/instances/" + instanceId, ApiClient.bearer(key)).json();
            assertThat(instance.path("queue").path("paused").asBoolean()).isTrue();
            assertThat(api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json()
                    .path("status").asText()).isEqualTo("queued");
        }
    }

    @Test
    void sessionThatIsNotWorkingPausesTheQueue() {
        try (FakeProvider waha = new FakeProvider()) {
            waha.on(SEND, 422, "{\"statusCode\":422,\"message\":\"Session status is not as expected.\","
                    + "\"session\":\"default\",\"status\":\"SCAN_QR_CODE\",\"expected\":[\"WORKING\"]}");
            String instanceId = registerWaha(waha, null, "synthetic-waha-key-0004");
            String key = createKey("live", "message:send", "instance:read");

            String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instanceStatus(key, instanceId).equals("disconnected"));
            JsonNode message = api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json();
            assertThat(message.path("status").asText()).isEqualTo("queued");
            assertThat(message.path("history").findValuesAsText("detail"))
                    .anyMatch(detail -> detail.contains("session_not_working"));
        }
    }

    @Test
    void serviceUnavailableIsRetriedUntilWahaAccepts() throws Exception {
        try (FakeProvider waha = new FakeProvider()) {
            String accepted = fixture("send-text-response-201.json");
            AtomicInteger calls = new AtomicInteger();
            waha.on(SEND, request -> calls.incrementAndGet() == 1
                    ? new FakeProvider.Reply(503, "") : new FakeProvider.Reply(201, accepted));
            String instanceId = registerWaha(waha, null, "synthetic-waha-key-0005");
            String key = createKey("live", "message:send");

            String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

            JsonNode sent = awaitStatus(key, messageId, "sent");
            assertThat(sent.path("attempts").asInt()).isEqualTo(2);
            assertThat(sent.path("history").findValuesAsText("detail"))
                    .anyMatch(detail -> detail.contains("after http_503"));
        }
    }

    @Test
    void badRequestFailsTheMessageKeepingWahasMessage() {
        try (FakeProvider waha = new FakeProvider()) {
            waha.on(SEND, 400, "{\"statusCode\":400,\"message\":[\"chatId must be a valid chat id\"],"
                    + "\"error\":\"Bad Request\"}");
            String instanceId = registerWaha(waha, null, "synthetic-waha-key-0006");
            String key = createKey("live", "message:send");

            String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

            JsonNode failed = awaitStatus(key, messageId, "failed");
            assertThat(failed.path("error").path("code").asText()).isEqualTo("http_400");
            assertThat(failed.path("error").path("message").asText())
                    .isEqualTo("WAHA answered HTTP 400: chatId must be a valid chat id");
            assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        }
    }

    private String registerWaha(FakeProvider waha, String session, String apiKey) {
        return registerLiveInstance("waha", "{\"baseUrl\":\"" + waha.baseUrl() + "\","
                + (session == null ? "" : "\"session\":\"" + session + "\",")
                + "\"apiKey\":\"" + apiKey + "\"}");
    }

    static String fixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/fixtures/providers/waha/send", name));
    }
}
