package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppIT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Per-instance pacing against a recording fake provider, and the queue's API. */
class ThrottlingIT extends HostAppIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void fixedModeKeepsEveryGapBetween200And250Milliseconds() {
        List<Long> gaps = sendAndMeasureGaps("300000000000001",
                "{\"mode\":\"fixed\",\"minDelay\":\"200ms\",\"maxQueue\":20}", 10);

        System.out.println("fixed 200ms gaps (ms): " + gaps);
        assertThat(gaps).hasSize(9).allSatisfy(gap -> assertThat(gap).isBetween(200L, 250L));
    }

    @Test
    void randomModeKeepsEveryGapInsideTheRange() {
        List<Long> gaps = sendAndMeasureGaps("300000000000002",
                "{\"mode\":\"random\",\"minDelay\":\"100ms\",\"maxDelay\":\"300ms\",\"maxQueue\":20}", 10);

        System.out.println("random 100-300ms gaps (ms): " + gaps);
        // Gaps are drawn so that with the start margin they end inside the range; a send may
        // start a few milliseconds late (never early), hence the small allowance on top.
        assertThat(gaps).hasSize(9).allSatisfy(gap -> assertThat(gap).isBetween(100L, 315L));
    }

    @Test
    void fullQueueAnswers429WithRetryAfterAndStoresNothing() {
        Paced paced = pacedInstance("300000000000003",
                "{\"mode\":\"fixed\",\"minDelay\":\"60s\",\"maxQueue\":2}");
        awaitStatus(paced.key, send(paced.key, paced.instanceId, "+15550100101", "first")
                .json().path("id").asText(), "sent");
        send(paced.key, paced.instanceId, "+15550100102", "second");
        send(paced.key, paced.instanceId, "+15550100103", "third");
        int stored = countMessages(paced.instanceId);

        ApiClient.Response refused = send(paced.key, paced.instanceId, "+15550100104", "fourth");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.json().path("code").asText()).isEqualTo("queue_full");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(countMessages(paced.instanceId)).isEqualTo(stored);
    }

    @Test
    void queuedMessagesShowTheirPositionAndEstimateAndCanBeCancelled() {
        Paced paced = pacedInstance("300000000000004",
                "{\"mode\":\"fixed\",\"minDelay\":\"60s\",\"maxQueue\":10}");
        String first = send(paced.key, paced.instanceId, "+15550100111", "one").json().path("id").asText();
        Instant firstSent = Instant.parse(awaitStatus(paced.key, first, "sent").path("updatedAt").asText());

        JsonNode second = send(paced.key, paced.instanceId, "+15550100112", "two").json();
        JsonNode third = send(paced.key, paced.instanceId, "+15550100113", "three").json();

        assertThat(second.path("queuePosition").asInt()).isEqualTo(1);
        assertThat(third.path("queuePosition").asInt()).isEqualTo(2);
        assertThat(Instant.parse(third.path("estimatedSendAt").asText()))
                .isBetween(firstSent.plusSeconds(110), firstSent.plusSeconds(130));

        ApiClient.Response cancelled = api().delete("/api/v1/messages/" + second.path("id").asText(),
                ApiClient.bearer(paced.key));
        JsonNode thirdNow = api().get("/api/v1/messages/" + third.path("id").asText(),
                ApiClient.bearer(paced.key)).json();
        ApiClient.Response notCancellable = api().delete("/api/v1/messages/" + first,
                ApiClient.bearer(paced.key));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");
        assertThat(thirdNow.path("queuePosition").asInt()).isEqualTo(1);
        assertThat(notCancellable.status()).isEqualTo(409);
        assertThat(notCancellable.json().path("code").asText()).isEqualTo("message_not_cancellable");
    }

    @Test
    void instanceDetailShowsQueueAndEffectiveThrottle() {
        Paced paced = pacedInstance("300000000000005",
                "{\"mode\":\"smart\",\"minDelay\":\"30s\",\"maxDelay\":\"40s\",\"maxQueue\":5}");
        awaitStatus(paced.key, send(paced.key, paced.instanceId, "+15550100121", "a")
                .json().path("id").asText(), "sent");
        send(paced.key, paced.instanceId, "+15550100122", "b");

        JsonNode detail = api().get("/api/v1/instances/" + paced.instanceId,
                ApiClient.bearer(paced.key)).json();

        assertThat(detail.path("status").asText()).isEqualTo("connected");
        assertThat(detail.path("queue").path("depth").asInt()).isEqualTo(1);
        assertThat(detail.path("queue").path("paused").asBoolean()).isFalse();
        assertThat(detail.path("queue").path("nextSendAt").asText()).isNotBlank();
        assertThat(detail.path("throttle").path("mode").asText()).isEqualTo("smart");
        assertThat(detail.path("throttle").path("batchSize").asInt()).isEqualTo(10);
        assertThat(detail.path("throttle").path("cooldownMin").asText()).isEqualTo("30s");
        assertThat(detail.path("throttle").path("source").asText()).isEqualTo("instance");
    }

    @Test
    void aThrottleChangeAppliesToTheGapInProgress() {
        Paced paced = pacedInstance("300000000000007", "{\"mode\":\"fixed\",\"minDelay\":\"1h\"}");
        awaitStatus(paced.key, send(paced.key, paced.instanceId, "+15550100131", "first")
                .json().path("id").asText(), "sent");
        String second = send(paced.key, paced.instanceId, "+15550100132", "second")
                .json().path("id").asText();

        ApiClient.Response corrected = api().put("/api/v1/developer/instances/" + paced.instanceId
                + "/throttling", owner(), "{\"mode\":\"fixed\",\"minDelay\":\"200ms\"}");

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        awaitStatus(paced.key, second, "sent");
    }

    @Test
    void invalidSettingsNameEveryBadField() {
        ApiClient.Response invalid = api().put("/api/v1/developer/throttling", owner(),
                "{\"mode\":\"random\",\"minDelay\":\"9s\",\"maxDelay\":\"8s\",\"maxQueue\":0,"
                        + "\"batchSize\":-1,\"cooldownMin\":\"soon\",\"speed\":1}");

        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.json().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("speed", "maxDelay", "maxQueue", "batchSize", "cooldownMin");
        assertThat(api().get("/api/v1/developer/throttling", owner()).json().path("mode").asText())
                .isEqualTo("off");
    }

    @Test
    void recommendedPresetIsOneCallAwayAndInstancesFallBackToIt() {
        String instanceId = registerCloudInstance("300000000000006", "synthetic-token-preset");
        try {
            ApiClient.Response preset = api().put("/api/v1/developer/throttling", owner(),
                    "{\"preset\":\"recommended\"}");
            api().put("/api/v1/developer/instances/" + instanceId + "/throttling", owner(),
                    "{\"mode\":\"fixed\",\"minDelay\":\"1500ms\"}");
            ApiClient.Response fallback = api().delete(
                    "/api/v1/developer/instances/" + instanceId + "/throttling", owner());

            assertThat(preset.status()).as(preset.toString()).isEqualTo(200);
            assertThat(preset.json().path("mode").asText()).isEqualTo("random");
            assertThat(preset.json().path("minDelay").asText()).isEqualTo("3s");
            assertThat(preset.json().path("maxDelay").asText()).isEqualTo("8s");
            assertThat(preset.json().path("maxQueue").asInt()).isEqualTo(20);
            assertThat(fallback.json().path("source").asText()).isEqualTo("workspace");
            assertThat(fallback.json().path("mode").asText()).isEqualTo("random");
        } finally {
            api().put("/api/v1/developer/throttling", owner(), "{\"mode\":\"off\"}");
        }
    }

    private List<Long> sendAndMeasureGaps(String phoneNumberId, String throttle, int count) {
        Paced paced = pacedInstance(phoneNumberId, throttle);
        List<String> ids = IntStream.range(0, count)
                .mapToObj(i -> send(paced.key, paced.instanceId, "+1555010" + (1000 + i), "gap " + i)
                        .json().path("id").asText())
                .toList();

        ids.forEach(id -> awaitStatus(paced.key, id, "sent"));

        List<RecordedRequest> arrivals = PROVIDER.requestsTo("/v23.0/" + phoneNumberId + "/messages");
        assertThat(arrivals).hasSize(count);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            gaps.add((arrivals.get(i).receivedAtNanos() - arrivals.get(i - 1).receivedAtNanos()) / 1_000_000);
        }
        return gaps;
    }

    private Paced pacedInstance(String phoneNumberId, String throttle) {
        PROVIDER.on("/v23.0/" + phoneNumberId + "/messages",
                request -> new FakeProvider.Reply(200,
                        "{\"messages\":[{\"id\":\"wamid." + request.receivedAtNanos() + "\"}]}"));
        String instanceId = registerCloudInstance(phoneNumberId, "synthetic-token-" + phoneNumberId);
        ApiClient.Response configured = api().put(
                "/api/v1/developer/instances/" + instanceId + "/throttling", owner(), throttle);
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        return new Paced(instanceId, createKey("live", "message:send", "instance:read"));
    }

    private int countMessages(String instanceId) {
        return jdbc.queryForObject("select count(*) from outbox_message where instance_id = ?",
                Integer.class, instanceId);
    }

    private record Paced(String instanceId, String key) {
    }
}
