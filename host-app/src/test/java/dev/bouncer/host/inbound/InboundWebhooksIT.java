package dev.bouncer.host.inbound;

import static dev.bouncer.host.inbound.WebhookPoster.fixture;
import static dev.bouncer.host.inbound.WebhookPoster.metaSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.event.EventRepository;
import dev.bouncer.host.event.EventType;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.Tenant;
import dev.bouncer.host.workspace.WorkspaceService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meta's Cloud API webhooks through the endpoint: handshake, signatures, messages, receipts. */
class InboundWebhooksIT extends HostAppIT {

    private static final String APP_SECRET = "synthetic-meta-app-secret-0001";
    private static final String VERIFY_TOKEN = "synthetic-verify-token";
    /** The fixtures' phone number id: their events are for this instance. */
    private static final String FIXTURE_NUMBER = "100000000000002";
    private static final String FIXTURE_WAMID = "wamid.HBgLMTU1NTAxMDAwMDEVAgASGBRTWU5USEVUSUMtT1VULTAwMDAwMQA=";
    private static final String FAILED_WAMID = "wamid.HBgLMTU1NTAxMDAwMDEVAgASGBRTWU5USEVUSUMtT1VULTAwMDAwMgA=";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void handshakeEchoesTheChallengeOnlyForTheInstancesVerifyToken() {
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        String path = "/webhooks/providers/" + instanceId + "?hub.mode=subscribe&hub.challenge=1158201444";

        HttpResponse<String> right = poster.get(path + "&hub.verify_token=" + VERIFY_TOKEN);
        HttpResponse<String> wrong = poster.get(path + "&hub.verify_token=synthetic-wrong-token");
        HttpResponse<String> unknown = poster.get("/webhooks/providers/ins_unknown?hub.mode=subscribe"
                + "&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN);

        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).isEqualTo("1158201444");
        assertThat(right.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("\"code\":\"invalid_verify_token\"").doesNotContain(VERIFY_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(403);
        HttpResponse<String> unsubscribe = poster.get("/webhooks/providers/" + instanceId
                + "?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + VERIFY_TOKEN);
        HttpResponse<String> script = poster.get("/webhooks/providers/" + instanceId
                + "?hub.mode=subscribe&hub.challenge=%3Cscript%3E&hub.verify_token=" + VERIFY_TOKEN);
        assertThat(unsubscribe.statusCode()).isEqualTo(400);
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("\"code\":\"invalid_handshake\"").doesNotContain("<script>");
    }

    @Test
    void inboundTextFixtureCreatesContactConversationAndReceivedMessage() {
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        byte[] body = fixture("meta-cloud-api/webhooks/message-text.json");

        HttpResponse<String> answer = postMeta(instanceId, body,
                "sha256=6792965c05ef207b4a3b42ccb3f1d4d0fb3ec0f620a50bfedb59a9e86c1361dc");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        awaitProcessed(instanceId, 1);
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "conversation:manage");
        JsonNode conversation = onlyConversation(key, instanceId);
        JsonNode message = conversation.path("messages").path(0);
        assertThat(conversation.path("contact").path("phone").asText()).isEqualTo("+15550100001");
        assertThat(conversation.path("contact").path("name").asText()).isEqualTo("Alice Example");
        assertThat(conversation.path("status").asText()).isEqualTo("open");
        assertThat(message.path("direction").asText()).isEqualTo("inbound");
        assertThat(message.path("from").asText()).isEqualTo("+15550100001");
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").asText()).isEqualTo("Hi! Is my order #1001 shipped yet?");
        assertThat(message.path("receivedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(eventData(EventType.MESSAGE_RECEIVED)).singleElement()
                .satisfies(data -> assertThat(data.path("conversationId").asText())
                        .isEqualTo(conversation.path("id").asText()));
    }

    @Test
    void wrongOrMissingSignatureIsRefusedAndStoresNothing() {
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        byte[] body = fixture("meta-cloud-api/webhooks/message-text.json");

        HttpResponse<String> wrong = postMeta(instanceId, body,
                "sha256=49980af96f887e72540fe87e621d825fab286bc3b94396540a741d8518fb5985");
        HttpResponse<String> missing = poster.post("/webhooks/providers/" + instanceId, body);
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace("  ", " ")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> reserialised = postMeta(instanceId, reformatted,
                "sha256=6792965c05ef207b4a3b42ccb3f1d4d0fb3ec0f620a50bfedb59a9e86c1361dc");
        HttpResponse<String> unknown = postMeta("ins_unknown", body, metaSignature(APP_SECRET, body));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(wrong.body()).contains("\"code\":\"invalid_signature\"");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("\"code\":\"unauthorized\"");
        assertThat(reserialised.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId)).isEmpty();
    }

    @Test
    void instanceWithoutAppSecretAndSandboxRefuseEveryWebhook() {
        String withoutSecret = registerMetaInstance("100000000000021", false);
        String key = createKeyAs(tenant.ownerAuthorization(), "test", "instance:read");
        String sandbox = sandboxInstanceId(key);
        byte[] body = fixture("meta-cloud-api/webhooks/message-text.json");

        HttpResponse<String> unverifiable = postMeta(withoutSecret, body, metaSignature(APP_SECRET, body));
        HttpResponse<String> toSandbox = postMeta(sandbox, body, metaSignature(APP_SECRET, body));

        assertThat(unverifiable.statusCode()).isEqualTo(401);
        assertThat(toSandbox.statusCode()).isEqualTo(401);
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(withoutSecret)).isEmpty();
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(sandbox)).isEmpty();
    }

    @Test
    void sentMessageGoesDeliveredThenReadThroughSignedStatusFixtures() throws Exception {
        PROVIDER.on("/v23.0/" + FIXTURE_NUMBER + "/messages", 200,
                new String(fixture("meta-cloud-api/send/send-text-response-200.json"), StandardCharsets.UTF_8));
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "message:send");
        String messageId = send(key, instanceId, "+15550100001", "Your order #1001 has shipped.")
                .json().path("id").asText();
        awaitStatus(key, messageId, "sent");
        List<RecordedRequest> requests = PROVIDER.requestsTo("/v23.0/" + FIXTURE_NUMBER + "/messages");
        RecordedRequest request = requests.get(requests.size() - 1);
        assertThat(request.header("Authorization")).isEqualTo("Bearer synthetic-token-inbound");
        assertThat(JSON.readTree(request.body()).path("to").asText()).isEqualTo("15550100001");
        assertThat(JSON.readTree(request.body()).path("text").path("body").asText())
                .isEqualTo("Your order #1001 has shipped.");

        postSignedFixture(instanceId, "status-delivered.json");
        JsonNode delivered = awaitStatus(key, messageId, "delivered");
        postSignedFixture(instanceId, "status-read.json");
        JsonNode read = awaitStatus(key, messageId, "read");
        postSignedFixture(instanceId, "status-sent.json");
        awaitProcessed(instanceId, 3);

        assertThat(delivered.path("history").findValuesAsText("status"))
                .containsExactly("queued", "sending", "sent", "delivered");
        JsonNode history = api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json().path("history");
        assertThat(read.path("status").asText()).isEqualTo("read");
        assertThat(history.findValuesAsText("status"))
                .containsExactly("queued", "sending", "sent", "delivered", "read", "sent");
        assertThat(history.path(3).path("at").asText()).isEqualTo("2026-01-01T00:00:12Z");
        assertThat(history.path(4).path("at").asText()).isEqualTo("2026-01-01T00:00:30Z");
        assertThat(api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json()
                .path("status").asText()).isEqualTo("read");
        assertThat(eventData(EventType.MESSAGE_STATUS)).extracting(data -> data.path("status").asText())
                .containsExactly("delivered", "read");
    }

    @Test
    void lateDeliveredAfterReadKeepsReadAndEntersTheHistory() {
        String number = "100000000000022";
        String wamid = "wamid.synthetic-out-of-order";
        PROVIDER.on("/v23.0/" + number + "/messages", 200, sendAnswer(wamid));
        String instanceId = registerMetaInstance(number);
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "message:send");
        String messageId = send(key, instanceId, "+15550100001", "Hello").json().path("id").asText();
        awaitStatus(key, messageId, "sent");

        postMeta(instanceId, statusBody(number, wamid, "read", "1767225630"));
        awaitStatus(key, messageId, "read");
        postMeta(instanceId, statusBody(number, wamid, "delivered", "1767225612"));
        awaitProcessed(instanceId, 2);

        JsonNode message = api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json();
        assertThat(message.path("status").asText()).isEqualTo("read");
        assertThat(message.path("history").findValuesAsText("status"))
                .containsExactly("queued", "sending", "sent", "read", "delivered");
        assertThat(message.path("history").path(4).path("detail").asText()).contains("status kept");
    }

    @Test
    void failedFixtureFailsTheSentMessageWithTheProvidersCode() {
        PROVIDER.on("/v23.0/" + FIXTURE_NUMBER + "/messages", 200, sendAnswer(FAILED_WAMID));
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "message:send");
        String messageId = send(key, instanceId, "+15550100003", "Hello").json().path("id").asText();
        awaitStatus(key, messageId, "sent");

        postSignedFixture(instanceId, "status-failed-131026-undeliverable.json");

        JsonNode failed = awaitStatus(key, messageId, "failed");
        assertThat(failed.path("error").path("code").asText()).isEqualTo("131026");
        assertThat(failed.path("error").path("message").asText()).startsWith("Message undeliverable");
        assertThat(failed.path("history").path(3).path("at").asText()).isEqualTo("2026-01-01T00:00:15Z");
    }

    @Test
    void statusArrivingBeforeTheSendResultIsParkedThenApplied() {
        String number = "100000000000023";
        String wamid = "wamid.synthetic-overtaken";
        AtomicInteger processedBeforeAnswer = new AtomicInteger(-1);
        String[] instance = new String[1];
        PROVIDER.on("/v23.0/" + number + "/messages", request -> {
            // Meta's delivered webhook overtakes its own answer to the send.
            postMeta(instance[0], statusBody(number, wamid, "delivered", "1767225612"));
            awaitProcessed(instance[0], 1);
            processedBeforeAnswer.set(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instance[0]).size());
            return new FakeProvider.Reply(200, sendAnswer(wamid));
        });
        instance[0] = registerMetaInstance(number);
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "message:send");

        String messageId = send(key, instance[0], "+15550100001", "Hello").json().path("id").asText();

        JsonNode delivered = awaitStatus(key, messageId, "delivered");
        assertThat(processedBeforeAnswer.get()).isEqualTo(1);
        assertThat(delivered.path("history").findValuesAsText("status"))
                .containsExactly("queued", "sending", "sent", "delivered");
        assertThat(delivered.path("history").path(3).path("at").asText()).isEqualTo("2026-01-01T00:00:12Z");
    }

    @Test
    void tenParallelDeliveriesOfOnePayloadStoreOneEvent() throws Exception {
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        byte[] body = fixture("meta-cloud-api/webhooks/message-text.json");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            posts.add(() -> postMeta(instanceId, body, metaSignature(APP_SECRET, body)).statusCode());
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : pool.invokeAll(posts)) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200).hasSize(10);
        awaitProcessed(instanceId, 1);
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId)).hasSize(1);
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "conversation:manage");
        assertThat(onlyConversation(key, instanceId).path("messages")).hasSize(1);
    }

    @Test
    void batchedPayloadIsSplitIntoOneEventPerItem() {
        String number = "100000000000024";
        String instanceId = registerMetaInstance(number);
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"" + number + "\"},";
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":["
                + "{\"field\":\"messages\",\"value\":" + value + "\"statuses\":["
                + status("wamid.a", "delivered", "1") + "," + status("wamid.b", "read", "2") + "]}},"
                + "{\"field\":\"messages\",\"value\":" + value + "\"messages\":[{\"from\":\"15550100001\","
                + "\"id\":\"wamid.in\",\"timestamp\":\"3\",\"type\":\"image\",\"image\":{}}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);

        postMeta(instanceId, body);

        List<InboundEvent> stored = awaitProcessed(instanceId, 3);
        assertThat(stored).extracting(InboundEvent::getDedupeKey)
                .containsExactlyInAnyOrder("wamid.a:delivered", "wamid.b:read", "wamid.in");
        String key = createKeyAs(tenant.ownerAuthorization(), "live", "conversation:manage");
        JsonNode image = onlyConversation(key, instanceId).path("messages").path(0);
        assertThat(image.path("type").asText()).isEqualTo("image");
        assertThat(image.path("text").asText()).isEqualTo("[image]");
    }

    @Test
    void malformedJsonWithAValidSignatureIsStoredAsFailedAndAcknowledged() {
        String instanceId = registerMetaInstance(FIXTURE_NUMBER);
        byte[] body = "{\"object\": \"whatsapp_business_account\", \"entry\": [".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = postMeta(instanceId, body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId)).singleElement()
                .satisfies(event -> {
                    assertThat(event.getStatus()).isEqualTo(InboundEventStatus.FAILED);
                    assertThat(event.getKind()).isEqualTo(InboundKind.UNREADABLE);
                    assertThat(event.getLastError()).isEqualTo("the body is not valid JSON");
                });
    }

    @Test
    void eventsForAnotherPhoneNumberOfTheAppAreSkipped() {
        String instanceId = registerMetaInstance("100000000000025");

        postSignedFixture(instanceId, "message-text.json");

        assertThat(awaitProcessed(instanceId, 1)).singleElement().satisfies(event -> {
            assertThat(event.getStatus()).isEqualTo(InboundEventStatus.SKIPPED);
            assertThat(event.getLastError()).contains("not this instance's");
        });
    }

    private String registerMetaInstance(String phoneNumberId) {
        return registerMetaInstance(phoneNumberId, true);
    }

    private String registerMetaInstance(String phoneNumberId, boolean withWebhookSecrets) {
        String secrets = withWebhookSecrets
                ? ",\"appSecret\":\"" + APP_SECRET + "\",\"verifyToken\":\"" + VERIFY_TOKEN + "\"" : "";
        ApiClient.Response created = api().postJson("/api/v1/developer/instances", tenant.ownerAuthorization(),
                "{\"name\":\"Shop number\",\"environment\":\"live\",\"provider\":\"cloud-api\","
                        + "\"config\":{\"phoneNumberId\":\"" + phoneNumberId + "\","
                        + "\"accessToken\":\"synthetic-token-inbound\","
                        + "\"baseUrl\":\"" + PROVIDER.baseUrl() + "\"" + secrets + "}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(APP_SECRET).doesNotContain(VERIFY_TOKEN);
        return created.json().path("id").asText();
    }

    private HttpResponse<String> postMeta(String instanceId, byte[] body) {
        return postMeta(instanceId, body, metaSignature(APP_SECRET, body));
    }

    private HttpResponse<String> postMeta(String instanceId, byte[] body, String signature) {
        return poster.post("/webhooks/providers/" + instanceId, body, "X-Hub-Signature-256", signature);
    }

    private void postSignedFixture(String instanceId, String name) {
        HttpResponse<String> answer = postMeta(instanceId, fixture("meta-cloud-api/webhooks/" + name));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static byte[] statusBody(String number, String wamid, String status, String timestamp) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"phone_number_id\":\"" + number + "\"},\"statuses\":["
                + status(wamid, status, timestamp) + "]}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String status(String wamid, String status, String timestamp) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + timestamp
                + "\",\"recipient_id\":\"15550100001\"}";
    }

    private static String sendAnswer(String wamid) {
        return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"15550100001\","
                + "\"wa_id\":\"15550100001\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}";
    }

    private List<InboundEvent> awaitProcessed(String instanceId, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId))
                        .hasSize(count).noneMatch(InboundEvent::isPending));
        return inbound.findByInstanceIdOrderByReceivedAtAscIdAsc(instanceId);
    }

    private JsonNode onlyConversation(String key, String instanceId) {
        JsonNode list = api().get("/api/v1/conversations?instanceId=" + instanceId, ApiClient.bearer(key)).json();
        assertThat(list.path("data")).hasSize(1);
        return api().get("/api/v1/conversations/" + list.path("data").path(0).path("id").asText(),
                ApiClient.bearer(key)).json();
    }

    private List<JsonNode> eventData(EventType type) {
        return events.findByWorkspaceIdAndTypeOrderByOccurredAtAscIdAsc(tenant.workspaceId(), type).stream()
                .map(event -> {
                    try {
                        return JSON.readTree(event.getDataJson());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
