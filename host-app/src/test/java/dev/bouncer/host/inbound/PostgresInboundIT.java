package dev.bouncer.host.inbound;

import static dev.bouncer.host.inbound.WebhookPoster.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.EmbeddedPostgresConfig;
import dev.bouncer.host.support.HostAppIT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Provider webhooks on PostgreSQL: the V7 tables, parallel duplicates meeting the unique
 * constraint (where a failed insert aborts its transaction), and events applied by the route.
 */
@Import(EmbeddedPostgresConfig.class)
class PostgresInboundIT extends HostAppIT {

    private static final String SECRET = "synthetic-postgres-evolution-secret";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void duplicatesStoreOnceAndReceiptsAndMessagesApply() {
        PROVIDER.on("/message/sendText/pg-inbound", 201, text("evolution-api/send/send-text-response-201.json"));
        String instanceId = registerLiveInstance("evolution", "{\"baseUrl\":\"" + PROVIDER.baseUrl()
                + "\",\"instanceName\":\"pg-inbound\",\"apiKey\":\"synthetic-pg-evolution-key\","
                + "\"webhookSecret\":\"" + SECRET + "\"}");
        String key = createKey("live", "message:send", "conversation:manage");
        String messageId = send(key, instanceId, "+15550100001", "Shipped").json().path("id").asText();
        awaitStatus(key, messageId, "sent");
        byte[] read = text("evolution-api/webhooks/messages-update-read.json")
                .replace("acme-support", "pg-inbound").getBytes(StandardCharsets.UTF_8);

        List<Integer> answers = IntStream.range(0, 10)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(instanceId, read).statusCode()))
                .toList().stream().map(CompletableFuture::join).toList();
        post(instanceId, fixture("evolution-api/webhooks/messages-upsert-text.json"));

        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(answers).containsOnly(200);
        assertThat(jdbc.queryForObject("select count(*) from inbound_event where instance_id = ?",
                Integer.class, instanceId)).isEqualTo(2);
        awaitStatus(key, messageId, "read");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api()
                .get("/api/v1/conversations?instanceId=" + instanceId, ApiClient.bearer(key)).json()
                .path("data").path(0).path("id").asText()).startsWith("conv_"));
        String conversationId = api().get("/api/v1/conversations?instanceId=" + instanceId,
                ApiClient.bearer(key)).json().path("data").path(0).path("id").asText();
        assertThat(api().get("/api/v1/conversations/" + conversationId, ApiClient.bearer(key)).json()
                .path("messages").findValuesAsText("direction")).containsExactlyInAnyOrder("inbound", "outbound");
    }

    private HttpResponse<String> post(String instanceId, byte[] body) {
        return new WebhookPoster(port).post("/webhooks/providers/" + instanceId, body,
                "X-Bouncer-Webhook-Secret", SECRET);
    }

    private static String text(String fixture) {
        return new String(fixture(fixture), StandardCharsets.UTF_8);
    }
}
