package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.FakeProvider;
import dev.bouncer.host.support.FakeProvider.RecordedRequest;
import dev.bouncer.host.support.HostAppProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the host app is killed abruptly with messages queued and one in flight, then
 * started again on the same data. Every message is sent exactly once, except the one in flight,
 * which may reach the provider twice and whose history says so. The app runs as a JVM of its
 * own, since only a separate process can be killed without any shutdown hook running.
 */
class CrashRecoveryIT {

    private static final String OWNER_EMAIL = "owner@crash-recovery.test";
    private static final String OWNER_PASSWORD = "crash recovery owner password";
    private static final String PHONE_NUMBER_ID = "100000000000077";
    private static final String MESSAGES_PATH = "/v23.0/" + PHONE_NUMBER_ID + "/messages";
    private static final int MESSAGE_COUNT = 10;
    /** Position (1 = first sent) of the message whose request the provider holds at the crash. */
    private static final int IN_FLIGHT = 3;
    /** The slow, shared build machine needs this long for a start, not the app. */
    private static final Duration START_UP = Duration.ofSeconds(90);
    private static final Duration DISPATCH = Duration.ofSeconds(60);
    private static final String REQUEUED_DETAIL =
            "requeued: attempt 1 ended without an outcome; the provider may have received it";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private final FakeProvider provider = new FakeProvider();
    private final CountDownLatch releaseHeldRequest = new CountDownLatch(1);
    private HostAppProcess app;
    private ApiClient api;

    @BeforeEach
    void startHostApp() throws IOException {
        int port = HostAppProcess.freePort();
        // No pipelines: a pattern over an empty directory.
        Path noPipelines = Files.createDirectory(workDir.resolve("no-pipelines"));
        app = new HostAppProcess("CrashRecoveryIT", workDir, port, List.of(
                "--bouncer.data-dir=" + workDir.resolve("data"),
                "--bouncer.owner.email=" + OWNER_EMAIL,
                "--bouncer.routes.include-pattern=file:" + noPipelines + "/*.yaml",
                // A lease longer than the test: recovery on H2 must come from the restart itself.
                "--bouncer.dispatch.attempt-lease=10m",
                "--bouncer.dispatch.poll-interval=50ms"),
                Map.of("BOUNCER_OWNER_PASSWORD", OWNER_PASSWORD));
        api = new ApiClient(port);
        System.out.println("CrashRecoveryIT: host app output in " + app.start());
        app.awaitReady(START_UP);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            // Released before the fake stops: stopping waits for the handler it would block.
            releaseHeldRequest.countDown();
            provider.close();
        }
    }

    @Test
    void messageInFlightAtACrashReachesTheProviderAtMostTwiceAndEveryOtherExactlyOnce()
            throws Exception {
        List<String> texts = IntStream.rangeClosed(1, MESSAGE_COUNT)
                .mapToObj(n -> String.format("Crash recovery message %02d of %d", n, MESSAGE_COUNT))
                .toList();
        String inFlightText = texts.get(IN_FLIGHT - 1);
        provider.on(MESSAGES_PATH, acceptHoldingFirstRequestOf(inFlightText));
        String instanceId = registerThrottledCloudInstance();
        String key = createLiveSendKey();
        List<String> ids = texts.stream().map(text -> send(key, instanceId, text)).toList();
        awaitProviderReceived(inFlightText);

        // At once: a crash does not wait for anything to settle.
        long crashAt = System.nanoTime();
        int exitCode = app.kill();
        assertThat(textsReceivedByProvider()).as("received before the crash")
                .containsExactlyElementsOf(texts.subList(0, IN_FLIGHT));
        releaseHeldRequest.countDown();
        System.out.println("CrashRecoveryIT: host app output after the restart in " + app.start());
        app.awaitReady(START_UP);
        List<JsonNode> views = awaitAllSent(key, ids);

        Map<String, Long> deliveries = deliveriesByText();
        long inFlightDeliveries = deliveries.getOrDefault(inFlightText, 0L);
        System.out.printf("CrashRecoveryIT: exit code %d; in-flight message reached the provider "
                + "%d time(s); all sent %d ms after the crash%n", exitCode, inFlightDeliveries,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - crashAt));
        assertThat(deliveries.keySet()).as("first arrivals at the provider, in order")
                .containsExactlyElementsOf(texts);
        assertThat(deliveries).allSatisfy((text, times) -> assertThat(times).as(text)
                .isBetween(1L, text.equals(inFlightText) ? 2L : 1L));
        assertInFlightHistoryTellsOfTheSecondAttempt(views.get(IN_FLIGHT - 1), inFlightDeliveries);
        assertSentInOneAttempt(views, IN_FLIGHT - 1);
    }

    /**
     * Answers like the Cloud API with a wamid of its own, except that the first request for
     * {@code heldText} gets no answer until the test releases it: that send is in flight.
     */
    private Function<RecordedRequest, FakeProvider.Reply> acceptHoldingFirstRequestOf(
            String heldText) {
        AtomicBoolean held = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        return request -> {
            if (textOf(request).equals(heldText) && held.compareAndSet(false, true)) {
                awaitRelease();
            }
            String wamid = "wamid.crash-" + answered.incrementAndGet();
            return new FakeProvider.Reply(200, "{\"messaging_product\":\"whatsapp\","
                    + "\"messages\":[{\"id\":\"" + wamid + "\"}]}");
        };
    }

    private void awaitRelease() {
        try {
            releaseHeldRequest.await(START_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A live Cloud API instance on the fake, throttled so that messages wait in its queue. */
    private String registerThrottledCloudInstance() {
        ApiClient.Response created = api.postJson("/api/v1/developer/instances", owner(),
                "{\"name\":\"Crash test\",\"environment\":\"live\",\"provider\":\"cloud-api\","
                        + "\"config\":{\"phoneNumberId\":\"" + PHONE_NUMBER_ID + "\","
                        + "\"accessToken\":\"synthetic-token-crash\","
                        + "\"baseUrl\":\"" + provider.baseUrl() + "\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String instanceId = created.json().path("id").asText();

        ApiClient.Response throttled = putJson("/api/v1/developer/instances/" + instanceId
                + "/throttling", "{\"mode\":\"fixed\",\"minDelay\":\"300ms\",\"maxQueue\":100}");
        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(200);
        return instanceId;
    }

    /** The full key, which only this answer holds; it is never printed. */
    private String createLiveSendKey() {
        ApiClient.Response created = api.postJson("/api/v1/developer/keys", owner(), "{\"name\":"
                + "\"crash test\",\"environment\":\"live\",\"permissions\":[\"message:send\"]}");
        assertThat(created.status()).as("creating the key").isEqualTo(201);
        return created.json().path("key").asText();
    }

    private String send(String key, String instanceId, String text) {
        String body = JSON.createObjectNode().put("instanceId", instanceId)
                .put("to", "+1 555 010 0077").put("message", text).toString();
        ApiClient.Response accepted =
                api.postJson("/api/v1/messages/send", ApiClient.bearer(key), body);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return accepted.json().path("id").asText();
    }

    private void awaitProviderReceived(String text) {
        await("provider received '" + text + "'").atMost(DISPATCH)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> textsReceivedByProvider().contains(text));
    }

    private List<JsonNode> awaitAllSent(String key, List<String> ids) {
        List<JsonNode> views = new ArrayList<>();
        await("every message sent").atMost(DISPATCH).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    views.clear();
                    ids.forEach(id -> views.add(view(key, id)));
                    assertThat(views).extracting(view -> view.path("status").asText())
                            .as("statuses in send order").containsOnly("sent");
                });
        return views;
    }

    private static void assertInFlightHistoryTellsOfTheSecondAttempt(JsonNode view,
            long deliveries) {
        JsonNode history = view.path("history");
        assertThat(history.findValuesAsText("status"))
                .as("history of the in-flight message, which reached the provider %d time(s)",
                        deliveries)
                .containsExactly("queued", "sending", "queued", "sending", "sent");
        assertThat(history.findValuesAsText("detail")).contains(REQUEUED_DETAIL);
        assertThat(view.path("attempts").asInt()).isEqualTo(2);
    }

    private static void assertSentInOneAttempt(List<JsonNode> views, int exceptIndex) {
        for (int i = 0; i < views.size(); i++) {
            if (i == exceptIndex) {
                continue;
            }
            JsonNode view = views.get(i);
            assertThat(view.path("history").findValuesAsText("status"))
                    .as("history of message %d", i + 1)
                    .containsExactly("queued", "sending", "sent");
            assertThat(view.path("attempts").asInt()).as("attempts of message %d", i + 1)
                    .isEqualTo(1);
        }
    }

    /** How often the provider got each text, in order of first arrival. */
    private Map<String, Long> deliveriesByText() {
        return textsReceivedByProvider().stream().collect(Collectors.groupingBy(
                Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }

    /** What the provider got, by text, in order of arrival; headers with the token stay out. */
    private List<String> textsReceivedByProvider() {
        return provider.requestsTo(MESSAGES_PATH).stream().map(CrashRecoveryIT::textOf).toList();
    }

    private static String textOf(RecordedRequest request) {
        try {
            return JSON.readTree(request.body()).path("text").path("body").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode view(String key, String messageId) {
        return api.get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json();
    }

    private ApiClient.Response putJson(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + app.port() + path))
                .header("Authorization", owner())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            return new ApiClient.Response(HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String owner() {
        return ApiClient.basic(OWNER_EMAIL, OWNER_PASSWORD);
    }

}
