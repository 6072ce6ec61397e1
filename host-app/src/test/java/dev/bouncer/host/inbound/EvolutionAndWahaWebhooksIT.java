package dev.bouncer.host.inbound;

import static dev.bouncer.host.inbound.WebhookPoster.fixture;
import static dev.bouncer.host.inbound.WebhookPoster.wahaHmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.event.EventRepository;
import dev.bouncer.host.event.EventType;
import dev.bouncer.host.instance.TestInstances;
import dev.bouncer.host.message.TestOutbox;
import dev.bouncer.host.provider.ProviderType;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.Tenant;
import dev.bouncer.host.workspace.WorkspaceService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Evolution API and WAHA webhooks: every fixture through the endpoint, with its secret. */
class EvolutionAndWahaWebhooksIT extends HostAppIT {

    private static final String EVOLUTION_SECRET = "synthetic-evolution-webhook-secret-0001";
    private static final String WAHA_KEY = "synthetic-waha-hmac-key-0001";

    @Autowired
    private ApplicationContext context;
    @Autowired
    private WorkspaceService workspaces;
    @Autowired
    private InboundEventRepository inbound;
    @Autowired
    private EventRepository events;

    private Tenant tenant;
    private WebhookPoster poster;

    @BeforeEach
    void newTenant() {
        tenant = Tenant.create(workspaces);
        poster = new WebhookPoster(port);
    }

    @Test
    void evolutionFixturesUpdateContactConversationMessageAndInstance() throws Exception {
        String instanceId = evolutionInstance();
        String messageId = TestOutbox.sent(context, tenant.workspaceId(), instanceId, "+15550100001",
                "BAE5F1A2B3C4D5E6");

        postEvolution(instanceId, "messages-upsert-text.json");
        postEvolution(instanceId, "messages-update-read.json");
        postEvolution(instanceId, "connection-update-close-logged-out.json");
        awaitProcessed(instanceId, 3);
        assertThat(TestInstances.status(context, instanceId)).isEqualTo("disconnected");
        postEvolution(instanceId, "connection-update-open.json");
        awaitProcessed(instanceId, 4);

        assertThat(TestOutbox.describe(context, messageId)).isEqualTo("read [queued, sending, sent, read]");
        assertThat(TestInstances.status(context, instanceId)).isEqualTo("connected");
        assertThat(instanceStatuses()).containsExactly("disconnected", "connected");
        JsonNode conversation = onlyConversation(instanceId);
        assertThat(conversation.path("contact").path("name").asText()).isEqualTo("Alice Example");
        assertThat(conversation.path("messages")).singleElement().satisfies(message -> {
            assertThat(message.path("direction").asText()).isEqualTo("inbound");
            assertThat(message.path("from").asText()).isEqualTo("+15550100001");
            assertThat(message.path("text").asText()).isEqualTo("Hi! Is my order #1001 shipped yet?");
            assertThat(message.path("receivedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        });
    }

    @Test
    void evolutionSecretMayComeAsQueryParameterAndAWrongOneIsRefused() {
        String instanceId = evolutionInstance();
        byte[] body = fixture("evolution-api/webhooks/messages-upsert-text.json");

        HttpResponse<String> wrong = poster.post("/webhooks/providers/" + instanceId, body,
                "X-Bouncer-Webhook-Secret", "synthetic-wrong-secret-00000000");
        HttpResponse<String> missing = poster.post("/webhooks/providers/" + instanceId, body);
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId)).isEmpty();
        HttpResponse<String> query = poster.post("/webhooks/providers/" + instanceId + "?secret="
                + EVOLUTION_SECRET, body);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("invalid_signature").doesNotContain(EVOLUTION_SECRET);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(query.statusCode()).isEqualTo(200);
        awaitProcessed(instanceId, 1);
    }

    @Test
    void evolutionContactAddressedByLidIsFoundByTheNumberBesideIt() {
        String instanceId = evolutionInstance();
        byte[] lid = new String(fixture("evolution-api/webhooks/messages-upsert-text.json"), StandardCharsets.UTF_8)
                .replace("\"remoteJid\": \"15550100001@s.whatsapp.net\"",
                        "\"remoteJid\": \"204618339213417@lid\", \"remoteJidAlt\": \"15550100001@s.whatsapp.net\"")
                .getBytes(StandardCharsets.UTF_8);

        postEvolution(instanceId, lid);

        assertThat(awaitProcessed(instanceId, 1)).extracting(InboundEvent::getStatus)
                .containsExactly(InboundEventStatus.PROCESSED);
        assertThat(onlyConversation(instanceId).path("contact").path("phone").asText()).isEqualTo("+15550100001");
    }

    @Test
    void evolutionEchoesAndGroupMessagesAreStoredButSkipped() {
        String instanceId = evolutionInstance();
        String upsert = new String(fixture("evolution-api/webhooks/messages-upsert-text.json"),
                StandardCharsets.UTF_8);
        byte[] echo = upsert.replace("\"fromMe\": false", "\"fromMe\": true")
                .replace("3EB0A1B2C3D4E5F60001", "3EB0ECHO").getBytes(StandardCharsets.UTF_8);
        byte[] group = upsert.replace("15550100001@s.whatsapp.net", "120363000000000001@g.us")
                .getBytes(StandardCharsets.UTF_8);

        postEvolution(instanceId, echo);
        postEvolution(instanceId, group);

        assertThat(awaitProcessed(instanceId, 2)).extracting(InboundEvent::getStatus)
                .containsOnly(InboundEventStatus.SKIPPED);
        assertThat(api().get("/api/v1/conversations?instanceId=" + instanceId,
                ApiClient.bearer(conversationKey())).json().path("data")).isEmpty();
    }

    @Test
    void wahaFixturesUpdateContactConversationMessageAndInstance() {
        String instanceId = wahaInstance();
        String messageId = TestOutbox.sent(context, tenant.workspaceId(), instanceId, "+15550100001",
                "true_15550100001@c.us_3EB0FFEEDDCCBBAA0005");
        byte[] text = fixture("waha/webhooks/message-text.json");
        assertThat(wahaHmac(WAHA_KEY, text)).as("the documented value").isEqualTo("6d2eeaab9bb1fa141092f59bdf72986"
                + "2e8ba6532efcd68d619e5ff23ba09ab7eec664f56f0925de67a5dfdf62abc39275e2144c2a3414b6a0b9bdef04201c63d");

        postWaha(instanceId, text);
        postWaha(instanceId, fixture("waha/webhooks/message-ack-read.json"));
        postWaha(instanceId, fixture("waha/webhooks/session-status-failed.json"));
        awaitProcessed(instanceId, 3);
        assertThat(TestInstances.status(context, instanceId)).isEqualTo("disconnected");
        // The WORKING fixture was reported a second before FAILED: arriving late, it is stale.
        postWaha(instanceId, fixture("waha/webhooks/session-status-working.json"));
        awaitProcessed(instanceId, 4);
        assertThat(TestInstances.status(context, instanceId)).isEqualTo("disconnected");
        postWaha(instanceId, new String(fixture("waha/webhooks/session-status-working.json"), StandardCharsets.UTF_8)
                .replace("1767225603000", "1767225605000").replace("evt_01jh0000000000000000000303", "evt_reconnect")
                .getBytes(StandardCharsets.UTF_8));
        awaitProcessed(instanceId, 5);

        assertThat(TestOutbox.describe(context, messageId)).isEqualTo("read [queued, sending, sent, read]");
        assertThat(TestInstances.status(context, instanceId)).isEqualTo("connected");
        assertThat(instanceStatuses()).containsExactly("disconnected", "connected");
        JsonNode message = onlyConversation(instanceId).path("messages").path(0);
        assertThat(message.path("from").asText()).isEqualTo("+15550100001");
        assertThat(message.path("text").asText()).isEqualTo("Hi! Is my order #1001 shipped yet?");
        assertThat(events.findByWorkspaceIdAndTypeOrderByOccurredAtAscIdAsc(tenant.workspaceId(),
                EventType.MESSAGE_RECEIVED)).hasSize(1);
        assertThat(events.findByWorkspaceIdAndTypeOrderByOccurredAtAscIdAsc(tenant.workspaceId(),
                EventType.MESSAGE_STATUS)).hasSize(1);
    }

    @Test
    void aLongTextInABodyLargerThanAnApiRequestIsKeptWholeAndClean() {
        String instanceId = wahaInstance();
        String longText = "y".repeat(40_000);
        byte[] body = new String(fixture("waha/webhooks/message-text.json"), StandardCharsets.UTF_8)
                .replace("Hi! Is my order #1001 shipped yet?", longText + "\\u0000 half \\ud83d")
                .replace("\"_data\": {}", "\"_data\": {\"padding\": \"" + "p".repeat(40_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).as("larger than the 64KB API limit").isGreaterThan(65_536);

        postWaha(instanceId, body);

        assertThat(awaitProcessed(instanceId, 1)).extracting(InboundEvent::getStatus)
                .containsExactly(InboundEventStatus.PROCESSED);
        assertThat(onlyConversation(instanceId).path("messages").path(0).path("text").asText())
                .isEqualTo(longText + " half \uFFFD");
    }

    @Test
    void wahaWithoutTheHmacOrWithAnotherAlgorithmIsRefused() {
        String instanceId = wahaInstance();
        byte[] body = fixture("waha/webhooks/message-text.json");

        HttpResponse<String> missing = poster.post("/webhooks/providers/" + instanceId, body);
        HttpResponse<String> wrongKey = poster.post("/webhooks/providers/" + instanceId, body,
                "X-Webhook-Hmac-Algorithm", "sha512", "X-Webhook-Hmac", wahaHmac("synthetic-other-key", body));
        HttpResponse<String> wrongAlgorithm = poster.post("/webhooks/providers/" + instanceId, body,
                "X-Webhook-Hmac-Algorithm", "sha256", "X-Webhook-Hmac", wahaHmac(WAHA_KEY, body));

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.body()).contains("invalid_signature");
        assertThat(wrongAlgorithm.statusCode()).isEqualTo(401);
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId)).isEmpty();
    }

    @Test
    void wahaAckBeforeTheMessageIsKnownIsParkedAndAppliedOnceTheSendRecordsIt() {
        String instanceId = wahaInstance();
        postWaha(instanceId, fixture("waha/webhooks/message-ack-read.json"));
        assertThat(awaitProcessed(instanceId, 1)).extracting(InboundEvent::getStatus)
                .containsExactly(InboundEventStatus.PROCESSED);
        // The safety-net sweep applies what a send's own hook did not: here no hook ran at all.
        String messageId = TestOutbox.sent(context, tenant.workspaceId(), instanceId, "+15550100001",
                "true_15550100001@c.us_3EB0FFEEDDCCBBAA0005");
        dev.bouncer.host.message.ReceiptService receipts =
                context.getBean(dev.bouncer.host.message.ReceiptService.class);

        receipts.messagesWithParkedReceipts().forEach(receipts::applyParked);

        assertThat(TestOutbox.describe(context, messageId)).isEqualTo("read [queued, sending, sent, read]");
    }

    private String evolutionInstance() {
        try {
            return TestInstances.create(context, tenant.workspaceId(), ProviderType.EVOLUTION,
                    Map.of("baseUrl", "http://evolution.example.test:8080", "instanceName", "acme-support"),
                    Map.of("apiKey", "SYNTHETIC-EVOLUTION-INSTANCE-KEY-0001", "webhookSecret", EVOLUTION_SECRET));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String wahaInstance() {
        try {
            return TestInstances.create(context, tenant.workspaceId(), ProviderType.WAHA,
                    Map.of("baseUrl", "http://waha.example.test:3000", "session", "default"),
                    Map.of("apiKey", "synthetic-waha-api-key", "webhookHmacKey", WAHA_KEY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void postEvolution(String instanceId, String fixtureName) {
        postEvolution(instanceId, fixture("evolution-api/webhooks/" + fixtureName));
    }

    private void postEvolution(String instanceId, byte[] body) {
        HttpResponse<String> answer = poster.post("/webhooks/providers/" + instanceId, body,
                "X-Bouncer-Webhook-Secret", EVOLUTION_SECRET);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private void postWaha(String instanceId, byte[] body) {
        HttpResponse<String> answer = poster.post("/webhooks/providers/" + instanceId, body,
                "X-Webhook-Request-Id", "01JH0000000000000000000001", "X-Webhook-Timestamp", "1767225600000",
                "X-Webhook-Hmac-Algorithm", "sha512", "X-Webhook-Hmac", wahaHmac(WAHA_KEY, body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private List<InboundEvent> awaitProcessed(String instanceId, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId))
                        .hasSize(count).noneMatch(InboundEvent::isPending));
        return inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId);
    }

    private String conversationKey() {
        return createKeyAs(tenant.ownerAuthorization(), "live", "conversation:manage");
    }

    private JsonNode onlyConversation(String instanceId) {
        String key = conversationKey();
        JsonNode list = api().get("/api/v1/conversations?instanceId=" + instanceId, ApiClient.bearer(key)).json();
        assertThat(list.path("data")).hasSize(1);
        return api().get("/api/v1/conversations/" + list.path("data").path(0).path("id").asText(),
                ApiClient.bearer(key)).json();
    }

    private List<String> instanceStatuses() {
        return events.findByWorkspaceIdAndTypeOrderByOccurredAtAscIdAsc(tenant.workspaceId(),
                EventType.INSTANCE_STATUS).stream()
                .map(event -> event.getDataJson().replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1")).toList();
    }
}
