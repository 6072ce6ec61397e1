package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Queued messages past their time to live expire, also while their instance is paused. */
class ExpiryIT extends HostAppIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private OutboxService outbox;

    @Test
    void messageQueuedLongerThanItsTimeToLiveExpires() {
        String instanceId = registerCloudInstance("500000000000001", "synthetic-token-ttl");
        jdbc.update("update instance set status = 'disconnected' where id = ?", instanceId);
        String key = createKey("live", "message:send");
        String old = send(key, instanceId, "+15550100301", "too old").json().path("id").asText();
        String fresh = send(key, instanceId, "+15550100302", "fresh").json().path("id").asText();
        jdbc.update("update outbox_message set created_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(25))), old);

        int expired = outbox.expireStale();

        JsonNode oldView = api().get("/api/v1/messages/" + old, ApiClient.bearer(key)).json();
        JsonNode freshView = api().get("/api/v1/messages/" + fresh, ApiClient.bearer(key)).json();
        assertThat(expired).isEqualTo(1);
        assertThat(oldView.path("status").asText()).isEqualTo("expired");
        assertThat(oldView.path("history").findValuesAsText("status")).containsExactly("queued", "expired");
        assertThat(freshView.path("status").asText()).isEqualTo("queued");
        assertThat(freshView.has("estimatedSendAt")).as("no estimate while paused").isFalse();
        assertThat(freshView.path("queuePosition").asInt()).isEqualTo(1);
    }
}
