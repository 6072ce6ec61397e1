package dev.bouncer.host.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bouncer.host.event.EventRepository;
import dev.bouncer.host.provider.ConnectionState;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.HostAppIT;
import dev.bouncer.host.support.StatusEvents;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Health checks against a fake provider answering each connection state; the test drives the
 * checks itself (the timer is off in tests), so nothing depends on timing.
 */
class HealthCheckIT extends HostAppIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    private InstanceHealthChecks checks;

    @Autowired
    private EventRepository events;

    @ParameterizedTest(name = "[{index}] Evolution {0} -> {1}")
    @CsvSource({"open, connected", "connecting, connecting", "close, disconnected",
        "refused, blocked"})
    void mapsEvolutionsConnectionState(String state, String status) {
        String name = "health-evo-" + NAMES.incrementAndGet();
        PROVIDER.on("/instance/connectionState/" + name, 200,
                "{\"instance\":{\"instanceName\":\"" + name + "\",\"state\":\"" + state + "\"}}");
        String id = registerEvolution(name);
        String key = createKey("live", "instance:read");

        checks.check(id);

        assertThat(instanceStatus(key, id)).isEqualTo(status);
        var request = PROVIDER.requestsTo("/instance/connectionState/" + name).get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.header("apikey")).isEqualTo("synthetic-evo-health-key");
    }

    @ParameterizedTest(name = "[{index}] WAHA {0} -> {1}")
    @CsvSource({"WORKING, connected", "STARTING, connecting", "SCAN_QR_CODE, qr_required",
        "FAILED, disconnected", "STOPPED, disconnected"})
    void mapsWahasSessionStatus(String wahaStatus, String status) {
        String session = "health_" + NAMES.incrementAndGet();
        PROVIDER.on("/api/sessions/" + session, 200,
                "{\"name\":\"" + session + "\",\"status\":\"" + wahaStatus + "\"}");
        String id = registerLiveInstance("waha", "{\"baseUrl\":\"" + PROVIDER.baseUrl()
                + "\",\"session\":\"" + session + "\",\"apiKey\":\"synthetic-waha-health-key\"}");
        String key = createKey("live", "instance:read");

        checks.check(id);

        assertThat(instanceStatus(key, id)).isEqualTo(status);
        assertThat(PROVIDER.requestsTo("/api/sessions/" + session).get(0).header("X-Api-Key"))
                .isEqualTo("synthetic-waha-health-key");
    }

    @Test
    void cloudApiTokenThatWorksIsConnectedAndAnExpiredOneDisconnected() {
        String phone = "2000000000" + (10000 + NAMES.incrementAndGet());
        String path = "/v23.0/" + phone;
        String id = registerCloudInstance(phone, "synthetic-cloud-health-token");
        String key = createKey("live", "instance:read");
        PROVIDER.on(path, 401, "{\"error\":{\"message\":\"Error validating access token\","
                + "\"type\":\"OAuthException\",\"code\":190}}");

        checks.check(id);
        String afterExpiry = instanceStatus(key, id);
        PROVIDER.on(path, 200, "{\"id\":\"" + phone + "\"}");
        checks.check(id);

        assertThat(afterExpiry).isEqualTo("disconnected");
        assertThat(instanceStatus(key, id)).isEqualTo("connected");
        var request = PROVIDER.requestsTo(path).get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawQuery()).isEqualTo("fields=id");
        assertThat(request.header("Authorization")).isEqualTo("Bearer synthetic-cloud-health-token");
        assertThat(StatusEvents.of(events, id)).containsExactly(
                "connected -> disconnected: health check: the Cloud API refused the token (190)",
                "disconnected -> connected: health check: the Cloud API accepts the token");
    }

    @Test
    void connectedAgainResumesThePausedQueueAndSendsTheQueuedMessage() {
        String name = "health-resume-" + NAMES.incrementAndGet();
        String send = "/message/sendText/" + name;
        PROVIDER.on(send, 401, "{\"status\":401,\"error\":\"Unauthorized\"}");
        String id = registerEvolution(name);
        String key = createKey("live", "message:send", "instance:read");
        String messageId = send(key, id, "+15550100001", "Hello").json().path("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> instanceStatus(key, id).equals("disconnected"));
        PROVIDER.on(send, 201, "{\"key\":{\"id\":\"BAE5RESUMED0001\"}}");
        PROVIDER.on("/instance/connectionState/" + name, 200, "{\"instance\":{\"state\":\"open\"}}");

        checks.check(id);

        assertThat(awaitStatus(key, messageId, "sent").path("providerMessageId").asText())
                .isEqualTo("BAE5RESUMED0001");
        assertThat(StatusEvents.of(events, id)).containsExactly(
                "connected -> disconnected: the provider refuses to send for the instance (http_401)",
                "disconnected -> connected: health check: Evolution API reports state 'open'");
    }

    @Test
    void aRepeatedStateRecordsNoSecondEvent() {
        String name = "health-repeat-" + NAMES.incrementAndGet();
        PROVIDER.on("/instance/connectionState/" + name, 200, "{\"instance\":{\"state\":\"close\"}}");
        String id = registerEvolution(name);

        checks.check(id);
        checks.check(id);

        assertThat(StatusEvents.of(events, id)).hasSize(1);
    }

    @Test
    void unreachableProviderChangesNothing() {
        String id = registerLiveInstance("evolution", "{\"baseUrl\":\"http://127.0.0.1:1\","
                + "\"instanceName\":\"down\",\"apiKey\":\"synthetic-evo-health-key\"}");
        String key = createKey("live", "instance:read");

        ConnectionState seen = checks.check(id).orElseThrow().state();

        assertThat(seen).isEqualTo(ConnectionState.UNKNOWN);
        assertThat(instanceStatus(key, id)).isEqualTo("connected");
        assertThat(StatusEvents.of(events, id)).isEmpty();
    }

    @Test
    void serverErrorAndUnreadableAnswersChangeNothing() {
        String failing = "health-500-" + NAMES.incrementAndGet();
        String odd = "health-odd-" + NAMES.incrementAndGet();
        PROVIDER.on("/instance/connectionState/" + failing, 500, "{}");
        PROVIDER.on("/instance/connectionState/" + odd, 200, "{\"instance\":{\"state\":\"sleeping\"}}");
        String failingId = registerEvolution(failing);
        String oddId = registerEvolution(odd);

        checks.check(failingId);
        checks.check(oddId);

        assertThat(StatusEvents.of(events, failingId)).isEmpty();
        assertThat(StatusEvents.of(events, oddId)).isEmpty();
    }

    @Test
    void aSlowProviderDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeProvider slow = new FakeProvider()) {
            slow.on("/api/sessions/default", request -> {
                awaitQuietly(release);
                return new FakeProvider.Reply(200, "{\"status\":\"FAILED\"}");
            });
            String slowId = registerLiveInstance("waha", "{\"baseUrl\":\"" + slow.baseUrl()
                    + "\",\"apiKey\":\"synthetic-waha-slow-key\"}");
            String name = "health-fast-" + NAMES.incrementAndGet();
            PROVIDER.on("/instance/connectionState/" + name, 200, "{\"instance\":{\"state\":\"close\"}}");
            String fastId = registerEvolution(name);
            String key = createKey("live", "instance:read");

            CompletableFuture<Void> round = checks.checkAll();
            CompletableFuture<Void> secondRound = checks.checkAll();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> instanceStatus(key, fastId).equals("disconnected"));
            assertThat(round).isNotDone();
            assertThat(instanceStatus(key, slowId)).isEqualTo("connected");
            release.countDown();
            round.get(20, TimeUnit.SECONDS);
            secondRound.get(20, TimeUnit.SECONDS);
            assertThat(instanceStatus(key, slowId)).isEqualTo("disconnected");
            assertThat(slow.requests()).as("a check still running is not started again").hasSize(1);
        } finally {
            release.countDown();
        }
    }

    private String registerEvolution(String instanceName) {
        return registerLiveInstance("evolution", "{\"baseUrl\":\"" + PROVIDER.baseUrl()
                + "\",\"instanceName\":\"" + instanceName + "\",\"apiKey\":\"synthetic-evo-health-key\"}");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
