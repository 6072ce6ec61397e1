package dev.bouncer.host.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sends through Evolution API v2, end to end from the REST API to a fake Evolution server. */
class EvolutionConnectorIT extends HostAppIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Your order #1001 has shipped.";

    @Test
    void sendsTheFixturesRequestAndStoresTheKeyIdAsProviderMessageId() throws Exception {
        PROVIDER.on("/message/sendText/acme-support", 201, fixture("send-text-response-201.json"));
        String instanceId = registerEvolution("acme-support", "synthetic-evolution-key-0001");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+1 555 010 0001", TEXT).json().path("id").asText();

        JsonNode sent = awaitStatus(key, messageId, "sent");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo("BAE5F1A2B3C4D5E6");
        RecordedRequest request = PROVIDER.requestsTo("/message/sendText/acme-support").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("apikey")).isEqualTo("synthetic-evolution-key-0001");
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.header("Content-Type")).startsWith("application/json");
        ObjectNode expected = (ObjectNode) JSON.readTree(fixture("send-text-request.json"));
        // Bouncer paces sends itself; Evolution's typing delay would only hold the request.
        expected.remove("delay");
        assertThat(JSON.readTree(request.body())).isEqualTo(expected);
    }

    @Test
    void encodesTheInstanceNameAsOnePathSegment() throws Exception {
        PROVIDER.on("/message/sendText/shop 2/ü", 201, fixture("send-text-response-201.json"));
        String instanceId = registerEvolution("shop 2/ü", "synthetic-evolution-key-0002");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        awaitStatus(key, messageId, "sent");
        RecordedRequest request = PROVIDER.requestsTo("/message/sendText/shop 2/ü").get(0);
        assertThat(request.rawPath()).isEqualTo("/message/sendText/shop%202%2F%C3%BC");
    }

    @Test
    void refusedApiKeyDisconnectsTheInstanceAndPausesItsQueue() {
        PROVIDER.on("/message/sendText/wrong-key", 401,
                "{\"status\":401,\"error\":\"Unauthorized\",\"response\":{\"message\":\"Unauthorized\"}}");
        String instanceId = registerEvolution("wrong-key", "synthetic-evolution-key-0003");
        String key = createKey("live", "message:send", "instance:read");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> instanceStatus(key, instanceId).equals("disconnected"));
        JsonNode instance = api().get("/api/v1/instances/" + instanceId, ApiClient.bearer(key)).json();
        assertThat(instance.path("queue").path("paused").asBoolean()).isTrue();
        JsonNode message = api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json();
        assertThat(message.path("status").asText()).isEqualTo("queued");
        assertThat(message.path("history").findValuesAsText("detail"))
                .anyMatch(detail -> detail.contains("refuses to send for the instance (http_401)"));
    }

    @Test
    void unknownInstanceNamePausesTheQueueInsteadOfFailingEveryMessage() {
        PROVIDER.on("/message/sendText/gone", 404, "{\"status\":404,\"error\":\"Not Found\","
                + "\"response\":{\"message\":[\"The \\\"gone\\\" instance does not exist\"]}}");
        String instanceId = registerEvolution("gone", "synthetic-evolution-key-0004");
        String key = createKey("live", "message:send", "instance:read");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> instanceStatus(key, instanceId).equals("disconnected"));
        assertThat(api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json()
                .path("status").asText()).isEqualTo("queued");
    }

    @Test
    void serverErrorIsRetriedUntilEvolutionAccepts() throws Exception {
        String accepted = fixture("send-text-response-201.json");
        AtomicInteger calls = new AtomicInteger();
        PROVIDER.on("/message/sendText/flaky", request -> calls.incrementAndGet() == 1
                ? new FakeProvider.Reply(500, "{\"status\":500,\"error\":\"Internal Server Error\"}")
                : new FakeProvider.Reply(201, accepted));
        String instanceId = registerEvolution("flaky", "synthetic-evolution-key-0005");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        JsonNode sent = awaitStatus(key, messageId, "sent");
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        assertThat(sent.path("history").findValuesAsText("detail"))
                .anyMatch(detail -> detail.contains("after http_500"));
    }

    @Test
    void rateLimitIsRetriedAfterItsRetryAfter() throws Exception {
        String accepted = fixture("send-text-response-201.json");
        AtomicInteger calls = new AtomicInteger();
        PROVIDER.on("/message/sendText/busy", request -> calls.incrementAndGet() == 1
                ? new FakeProvider.Reply(429, "{}", "1") : new FakeProvider.Reply(201, accepted));
        String instanceId = registerEvolution("busy", "synthetic-evolution-key-0006");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        awaitStatus(key, messageId, "sent");
        var attempts = PROVIDER.requestsTo("/message/sendText/busy");
        assertThat(attempts.get(1).receivedAtNanos() - attempts.get(0).receivedAtNanos())
                .as("Retry-After: 1 waited for").isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void anAcceptanceWithoutAReadableIdIsSentNotFailedSoNobodySendsItTwice() {
        PROVIDER.on("/message/sendText/garbled", 201, "<html>accepted</html>");
        String instanceId = registerEvolution("garbled", "synthetic-evolution-key-0011");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100011", TEXT).json().path("id").asText();

        JsonNode sent = awaitStatus(key, messageId, "sent");
        assertThat(sent.path("providerMessageId").isMissingNode() || sent.path("providerMessageId").isNull())
                .isTrue();
        assertThat(sent.path("history").findValuesAsText("detail"))
                .anyMatch(detail -> detail.contains("without a readable message id"));
        assertThat(PROVIDER.requestsTo("/message/sendText/garbled")).hasSize(1);
    }

    @Test
    void numberNotOnWhatsAppFailsTheMessageWithTheProvidersReason() {
        PROVIDER.on("/message/sendText/no-number", 400, "{\"status\":400,\"error\":\"Bad Request\","
                + "\"response\":{\"message\":[{\"jid\":\"15550100009@s.whatsapp.net\","
                + "\"exists\":false,\"number\":\"15550100009\"}]}}");
        String instanceId = registerEvolution("no-number", "synthetic-evolution-key-0007");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100009", TEXT).json().path("id").asText();

        JsonNode failed = awaitStatus(key, messageId, "failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("not_on_whatsapp");
        assertThat(failed.path("error").path("message").asText())
                .isEqualTo("The number 15550100009 is not on WhatsApp.");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void otherBadRequestFailsTheMessageKeepingEvolutionsMessage() {
        PROVIDER.on("/message/sendText/bad-request", 400, "{\"status\":400,\"error\":\"Bad Request\","
                + "\"response\":{\"message\":[\"text must be a string\"]}}");
        String instanceId = registerEvolution("bad-request", "synthetic-evolution-key-0008");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        JsonNode failed = awaitStatus(key, messageId, "failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("http_400");
        assertThat(failed.path("error").path("message").asText())
                .isEqualTo("Evolution API answered HTTP 400: text must be a string");
    }

    @Test
    void unreachableEvolutionIsRetriedThenFails() {
        String instanceId = registerLiveInstance("evolution", "{\"baseUrl\":\"http://127.0.0.1:1\","
                + "\"instanceName\":\"down\",\"apiKey\":\"synthetic-evolution-key-0009\"}");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100001", TEXT).json().path("id").asText();

        JsonNode failed = awaitStatus(key, messageId, "failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("provider_unreachable");
        assertThat(failed.path("attempts").asInt()).isEqualTo(3);
    }

    private String registerEvolution(String instanceName, String apiKey) {
        return registerLiveInstance("evolution", "{\"baseUrl\":\"" + PROVIDER.baseUrl()
                + "\",\"instanceName\":\"" + instanceName + "\",\"apiKey\":\"" + apiKey + "\"}");
    }

    static String fixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/fixtures/providers/evolution-api/send", name));
    }
}
