package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.EmbeddedPostgresConfig;
import dev.bouncer.host.support.HostAppIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same migrations, entities and send path on PostgreSQL, the production database: Flyway
 * migrates an empty server and Hibernate validates the schema before anything is sent.
 */
@Import(EmbeddedPostgresConfig.class)
class PostgresSendIT extends HostAppIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void runsOnPostgresql() {
        String product = jdbc.queryForObject("select version()", String.class);

        assertThat(product).startsWith("PostgreSQL");
    }

    @Test
    void sendsThroughCloudApiAndSandboxOnPostgresql() {
        PROVIDER.on("/v23.0/200000000000001/messages", 200,
                "{\"messages\":[{\"id\":\"wamid.POSTGRES1\"}]}");
        String instanceId = registerCloudInstance("200000000000001", "synthetic-token-pg");
        String liveKey = createKey("live", "message:send");
        String testKey = createKey("test", "message:send", "instance:read");

        ApiClient.Response live = send(liveKey, instanceId, "+15550100030", "Emoji 👋 on PostgreSQL");
        ApiClient.Response test = send(testKey, sandboxInstanceId(testKey), "+15550100031", "Sandbox");

        JsonNode sent = awaitStatus(liveKey, live.json().path("id").asText(), "sent");
        assertThat(sent.path("providerMessageId").asText()).isEqualTo("wamid.POSTGRES1");
        assertThat(sent.path("message").asText()).isEqualTo("Emoji 👋 on PostgreSQL");
        awaitStatus(testKey, test.json().path("id").asText(), "delivered");
    }
}
