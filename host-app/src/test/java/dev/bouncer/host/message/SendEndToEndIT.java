package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.event.Event;
import dev.bouncer.host.event.EventRepository;
import dev.bouncer.host.event.EventType;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;

/** The product page's request, end to end: REST API, outbox, Camel route, provider. */
class SendEndToEndIT extends HostAppIT {

    @Autowired
    private EventRepository events;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void liveKeySendsThroughCloudApiAndStoresTheWamid() throws Exception {
        String wamid = "wamid.HBgLMTU1NTAxMDAwMDEVAgASGBRTWU5USEVUSUMtT1VULTAwMDAwMQA=";
        PROVIDER.on("/v23.0/100000000000001/messages", 200, fixture("send/send-text-response-200.json"));
        String instanceId = registerCloudInstance("100000000000001", "synthetic-token-e2e");
        String key = createKey("live", "message:send");

        ApiClient.Response accepted = send(key, instanceId, "+1 555 010 0001", "Your order #1001 has shipped.");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode body = accepted.json();
        assertThat(body.path("status").asText()).isEqualTo("queued");
        assertThat(body.path("to").asText()).isEqualTo("+15550100001");
        assertThat(body.path("instanceId").asText()).isEqualTo(instanceId);
        assertThat(body.path("createdAt").asText()).isNotBlank();
        String messageId = body.path("id").asText();

        JsonNode sent = awaitStatus(key, messageId, "sent");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo(wamid);
        assertThat(sent.path("history").findValuesAsText("status"))
                .containsExactly("queued", "sending", "sent");

        RecordedRequest request = PROVIDER.requestsTo("/v23.0/100000000000001/messages").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer synthetic-token-e2e");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"15550100001\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"Your order #1001 has shipped.\"}}"));
    }

    @Test
    void testKeySendsThroughTheSandboxWithoutAnyProviderCall() {
        registerCloudInstance("100000000000002", "synthetic-token-sandbox");
        String key = createKey("test", "message:send", "instance:read");
        int requestsBefore = PROVIDER.requests().size();

        ApiClient.Response accepted = send(key, sandboxInstanceId(key), "+15550100002", "Hi 👋");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode delivered = awaitStatus(key, accepted.json().path("id").asText(), "delivered");
        assertThat(delivered.path("history").findValuesAsText("status"))
                .containsExactly("queued", "sending", "sent", "delivered");
        assertThat(delivered.path("message").asText()).isEqualTo("Hi 👋");
        assertThat(PROVIDER.requests()).hasSize(requestsBefore);
    }

    @Test
    void permanentProviderErrorFailsTheMessageKeepingTheProvidersCodeAndMessage() {
        PROVIDER.on("/v23.0/100000000000003/messages", 400, "{\"error\":{\"message\":"
                + "\"(#131026) Message undeliverable\",\"type\":\"OAuthException\","
                + "\"code\":131026,\"error_data\":{\"details\":\"Receiver is incapable\"}}}");
        String instanceId = registerCloudInstance("100000000000003", "synthetic-token-131026");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100003", "Hello").json().path("id").asText();

        JsonNode failed = awaitStatus(key, messageId, "failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("131026");
        assertThat(failed.path("error").path("message").asText())
                .isEqualTo("(#131026) Message undeliverable: Receiver is incapable");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void expiredTokenDisconnectsTheInstanceAndKeepsTheMessageQueuedUntilResumed() throws Exception {
        String path = "/v23.0/100000000000005/messages";
        PROVIDER.on(path, 401, fixture("send/error-190-token-expired.http401.json"));
        String instanceId = registerCloudInstance("100000000000005", "synthetic-token-expired");
        String key = createKey("live", "message:send", "instance:read");
        String messageId = send(key, instanceId, "+15550100005", "Hello").json().path("id").asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api()
                .get("/api/v1/instances/" + instanceId, ApiClient.bearer(key)).json()
                .path("status").asText()).isEqualTo("disconnected"));
        JsonNode paused = api().get("/api/v1/instances/" + instanceId, ApiClient.bearer(key)).json();
        JsonNode queued = api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json();

        assertThat(paused.path("queue").path("paused").asBoolean()).isTrue();
        assertThat(paused.path("queue").path("depth").asInt()).isEqualTo(1);
        assertThat(queued.path("status").asText()).isEqualTo("queued");
        assertThat(queued.path("history").findValuesAsText("detail"))
                .anyMatch(detail -> detail.startsWith("paused: the provider refuses to send"));

        PROVIDER.on(path, 200, fixture("send/send-text-response-200.json"));
        ApiClient.Response resumed = api().post("/api/v1/developer/instances/" + instanceId + "/resume",
                owner(), null, "");

        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(awaitStatus(key, messageId, "sent").path("attempts").asInt()).isEqualTo(2);
        api().post("/api/v1/developer/instances/" + instanceId + "/resume", owner(), null, "");
        assertThat(instanceStatusEvents(instanceId)).containsExactly(
                "connected -> disconnected: the provider refuses to send for the instance (190)",
                "disconnected -> connected: marked connected by the owner");
    }

    /** The instance.status events of one instance, oldest first; a repeated state adds none. */
    private List<String> instanceStatusEvents(String instanceId) throws Exception {
        List<String> changes = new ArrayList<>();
        for (Event event : events.findAll(Sort.by("occurredAt", "id"))) {
            JsonNode data = new ObjectMapper().readTree(event.getDataJson());
            if (event.getType() == EventType.INSTANCE_STATUS
                    && data.path("instanceId").asText().equals(instanceId)) {
                changes.add(data.path("previousStatus").asText() + " -> " + data.path("status").asText()
                        + ": " + data.path("reason").asText());
            }
        }
        return changes;
    }

    @Test
    void rateLimitIsRetriedHonouringRetryAfterAndKeepsTheMessage() throws Exception {
        String path = "/v23.0/100000000000006/messages";
        String rateLimited = fixture("send/error-130429-rate-limit-hit.http400.json");
        String accepted = fixture("send/send-text-response-200.json");
        AtomicInteger calls = new AtomicInteger();
        PROVIDER.on(path, request -> switch (calls.incrementAndGet()) {
            case 1 -> new FakeProvider.Reply(429, "{}", "1");
            case 2 -> new FakeProvider.Reply(400, rateLimited);
            default -> new FakeProvider.Reply(200, accepted);
        });
        String instanceId = registerCloudInstance("100000000000006", "synthetic-token-429");
        String key = createKey("live", "message:send");

        String messageId = send(key, instanceId, "+15550100006", "Hello").json().path("id").asText();

        JsonNode sent = awaitStatus(key, messageId, "sent");
        List<RecordedRequest> attempts = PROVIDER.requestsTo(path);
        assertThat(sent.path("attempts").asInt()).isEqualTo(3);
        assertThat(sent.path("history").findValuesAsText("detail"))
                .anyMatch(detail -> detail.contains("after http_429"))
                .anyMatch(detail -> detail.contains("after 130429"));
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(1).receivedAtNanos() - attempts.get(0).receivedAtNanos())
                .as("Retry-After: 1 waited for").isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void unreachableProviderIsRetriedThenFailsWithoutLosingTheMessage() {
        String key = createKey("live", "message:send");
        ApiClient.Response created = api().postJson("/api/v1/developer/instances", owner(),
                "{\"name\":\"Down\",\"environment\":\"live\",\"provider\":\"cloud-api\","
                        + "\"config\":{\"phoneNumberId\":\"1\",\"accessToken\":\"synthetic\","
                        + "\"baseUrl\":\"http://127.0.0.1:1\"}}");

        String messageId = send(key, created.json().path("id").asText(), "+15550100004", "Hello")
                .json().path("id").asText();

        JsonNode failed = awaitStatus(key, messageId, "failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("provider_unreachable");
        assertThat(failed.path("attempts").asInt()).isEqualTo(3);
        assertThat(failed.path("history").findValuesAsText("status"))
                .containsExactly("queued", "sending", "queued", "sending", "queued", "sending", "failed");
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/fixtures/providers/meta-cloud-api", name));
    }
}
