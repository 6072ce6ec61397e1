package dev.bouncer.host.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.BouncerApplication;
import dev.bouncer.host.support.ApiClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two host-app nodes on one PostgreSQL database: a key change made through one node holds on
 * the other from its next request, because no node caches what a key may do.
 */
class KeysAcrossNodesPostgresIT {

    private static final String OWNER = ApiClient.basic("owner@example.test", "one key, two nodes");
    private static final String KEYS = "/api/v1/developer/keys";
    private static final String INSTANCES = "/api/v1/instances";

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ApiClient a;
    private static ApiClient b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        nodeA = startNode();
        nodeB = startNode();
        a = new ApiClient(port(nodeA));
        b = new ApiClient(port(nodeB));
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        closeQuietly(nodeA);
        closeQuietly(nodeB);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void keyCreatedOnOneNodeWorksOnTheOther() {
        Key key = createOn(a, "instance:read");

        ApiClient.Response onB = b.get(INSTANCES, ApiClient.bearer(key.secret()));

        assertThat(onB.status()).isEqualTo(200);
    }

    @Test
    void revocationOnOneNodeRefusesTheNextRequestOnTheOther() {
        Key key = createOn(a, "instance:read");
        int beforeOnB = b.get(INSTANCES, ApiClient.bearer(key.secret())).status();

        ApiClient.Response revoked = a.delete(KEYS + "/" + key.id(), OWNER);
        ApiClient.Response afterOnB = b.get(INSTANCES, ApiClient.bearer(key.secret()));

        assertThat(beforeOnB).isEqualTo(200);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(afterOnB.status()).isEqualTo(401);
        assertThat(afterOnB.json().path("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void permissionRemovedOnOneNodeIsMissingOnTheNextRequestOnTheOther() {
        Key key = createOn(a, "instance:read", "message:send");
        int beforeOnB = b.get(INSTANCES, ApiClient.bearer(key.secret())).status();

        ApiClient.Response patched = a.patch(KEYS + "/" + key.id(), OWNER, "application/json",
                "{\"permissions\":[\"message:send\"]}");
        ApiClient.Response afterOnB = b.get(INSTANCES, ApiClient.bearer(key.secret()));

        assertThat(beforeOnB).isEqualTo(200);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(afterOnB.status()).isEqualTo(403);
        assertThat(afterOnB.header("X-Bouncer-Required-Permission")).isEqualTo("instance:read");
    }

    @Test
    void rollWithoutGraceOnOneNodeEndsTheOldSecretOnTheOther() {
        Key key = createOn(a, "instance:read");

        ApiClient.Response rolled = a.postJson(KEYS + "/" + key.id() + "/roll", OWNER,
                "{\"gracePeriod\":\"0s\"}");
        String newSecret = rolled.json().path("key").asText();

        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(b.get(INSTANCES, ApiClient.bearer(key.secret())).status()).isEqualTo(401);
        assertThat(b.get(INSTANCES, ApiClient.bearer(newSecret)).status()).isEqualTo(200);
    }

    @Test
    void bothNodesFlushLastUseAndTheLaterTimeWins() {
        Key key = createOn(a, "instance:read");
        b.get(INSTANCES, ApiClient.bearer(key.secret()));
        a.get(INSTANCES, ApiClient.bearer(key.secret()));

        nodeA.getBean(KeyUsageRecorder.class).flush();
        JsonNode afterA = a.get(KEYS + "/" + key.id(), OWNER).json();
        nodeB.getBean(KeyUsageRecorder.class).flush();
        JsonNode afterB = b.get(KEYS + "/" + key.id(), OWNER).json();

        assertThat(afterA.path("lastUsedAt").isTextual()).isTrue();
        // Node B's use came first, so its later flush must not set the time back.
        assertThat(afterB.path("lastUsedAt").asText()).isEqualTo(afterA.path("lastUsedAt").asText());
    }

    @Test
    void aNodeWritesTheLastUsesItSawWhenItShutsDown() throws Exception {
        Key key = createOn(a, "instance:read");
        ConfigurableApplicationContext nodeC = startNode();

        new ApiClient(port(nodeC)).get(INSTANCES, ApiClient.bearer(key.secret()));
        JsonNode beforeShutdown = a.get(KEYS + "/" + key.id(), OWNER).json();
        nodeC.close();
        JsonNode afterShutdown = a.get(KEYS + "/" + key.id(), OWNER).json();

        assertThat(beforeShutdown.path("lastUsedAt").isNull()).isTrue();
        assertThat(afterShutdown.path("lastUsedAt").isTextual()).isTrue();
    }

    private static Key createOn(ApiClient node, String... permissions) {
        ApiClient.Response created = node.postJson(KEYS, OWNER, "{\"name\":\"shared\","
                + "\"environment\":\"test\",\"permissions\":[\"" + String.join("\",\"", permissions)
                + "\"]}");
        assertThat(created.status()).as("create key: %d", created.status()).isEqualTo(201);
        return new Key(created.json().path("id").asText(), created.json().path("key").asText());
    }

    private static ConfigurableApplicationContext startNode() throws Exception {
        Path dataDir = Files.createTempDirectory("bouncer-keys-node-");
        return new SpringApplicationBuilder(BouncerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--bouncer.data-dir=" + dataDir,
                "--bouncer.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--bouncer.owner.email=owner@example.test",
                "--bouncer.owner.password=one key, two nodes",
                "--bouncer.routes.include-pattern=",
                // Flushes happen only when a test calls them.
                "--bouncer.keys.last-used-flush-interval=1h");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void closeQuietly(ConfigurableApplicationContext node) {
        if (node != null) {
            node.close();
        }
    }

    /** A created key: its id and the full key, which only the creation answer shows. */
    private record Key(String id, String secret) {

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }
}
