package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.BouncerApplication;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two host-app nodes share one PostgreSQL database and both dispatch: a throttled instance's
 * messages are each sent exactly once, and no two sends come closer than the gap.
 */
class TwoNodePostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER = ApiClient.basic("owner@example.test", "two nodes, one queue");
    private static final int MESSAGES = 50;
    private static final long MIN_DELAY_MILLIS = 100;

    private static EmbeddedPostgres postgres;
    private static FakeProvider provider;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        provider = new FakeProvider();
        nodeA = startNode();
        nodeB = startNode();
    }

    @AfterAll
    static void stopTwoNodes() {
        closeQuietly(nodeA);
        closeQuietly(nodeB);
        provider.close();
        try {
            postgres.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fiftyMessagesOnOneInstanceAreSentExactlyOnceWithEveryGapAtLeastMinDelay() throws Exception {
        ApiClient a = new ApiClient(port(nodeA));
        ApiClient b = new ApiClient(port(nodeB));
        provider.on("/v23.0/400000000000001/messages", 200, "{\"messages\":[{\"id\":\"wamid.two\"}]}");
        String instanceId = a.postJson("/api/v1/developer/instances", OWNER,
                "{\"name\":\"Shared\",\"environment\":\"live\",\"provider\":\"cloud-api\",\"config\":"
                        + "{\"phoneNumberId\":\"400000000000001\",\"accessToken\":\"synthetic-two\","
                        + "\"baseUrl\":\"" + provider.baseUrl() + "\"}}").json().path("id").asText();
        b.put("/api/v1/developer/instances/" + instanceId + "/throttling", OWNER,
                "{\"mode\":\"fixed\",\"minDelay\":\"" + MIN_DELAY_MILLIS + "ms\",\"maxQueue\":100}");
        String key = a.postJson("/api/v1/developer/keys", OWNER, "{\"name\":\"nodes\","
                + "\"environment\":\"live\",\"permissions\":[\"message:send\"]}").json().path("key").asText();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            ApiClient node = i % 2 == 0 ? a : b;
            ids.add(node.postJson("/api/v1/messages/send", ApiClient.bearer(key),
                    "{\"instanceId\":\"" + instanceId + "\",\"to\":\"+15550100200\",\"message\":\"n" + i + "\"}")
                    .json().path("id").asText());
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(a.get("/api/v1/messages/" + id, ApiClient.bearer(key)).json()
                        .path("status").asText()).isEqualTo("sent")));
        List<RecordedRequest> calls = provider.requestsTo("/v23.0/400000000000001/messages");
        Set<String> texts = calls.stream().map(TwoNodePostgresIT::text).collect(Collectors.toSet());
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < calls.size(); i++) {
            gaps.add((calls.get(i).receivedAtNanos() - calls.get(i - 1).receivedAtNanos()) / 1_000_000);
        }
        System.out.println("two-node gaps (ms): " + gaps);

        assertThat(calls).hasSize(MESSAGES);
        assertThat(texts).hasSize(MESSAGES);
        assertThat(gaps).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(MIN_DELAY_MILLIS));
    }

    private static ConfigurableApplicationContext startNode() throws Exception {
        Path dataDir = Files.createTempDirectory("bouncer-node-");
        return new SpringApplicationBuilder(BouncerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--bouncer.data-dir=" + dataDir,
                // Both nodes must decrypt the instance's token: one shared secret key.
                "--bouncer.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--bouncer.owner.email=owner@example.test",
                "--bouncer.owner.password=two nodes, one queue",
                // Empty: no pipelines (the node must start all the same).
                "--bouncer.routes.include-pattern=",
                "--bouncer.dispatch.poll-interval=50ms");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static String text(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body.path("text").path("body").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(ConfigurableApplicationContext node) {
        if (node != null) {
            node.close();
        }
    }
}
