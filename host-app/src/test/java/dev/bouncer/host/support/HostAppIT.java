package dev.bouncer.host.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole host app on a random port, with an H2 file database of
 * their own, the repository's {@code routes/} pipelines, and a fake provider shared by all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bouncer.owner.email=" + HostAppIT.OWNER_EMAIL,
        "bouncer.owner.password=" + HostAppIT.OWNER_PASSWORD,
        "bouncer.routes.include-pattern=file:../routes/*.yaml",
        "bouncer.dispatch.poll-interval=50ms",
        "bouncer.dispatch.retry-base-delay=20ms",
        "bouncer.dispatch.retry-max-delay=200ms",
        "bouncer.dispatch.max-attempts=3",
        // Off, so no poll changes an instance under another test; health tests drive checks.
        "bouncer.health.interval=0"})
public abstract class HostAppIT {

    public static final String OWNER_EMAIL = "owner@example.test";
    public static final String OWNER_PASSWORD = "correct horse battery staple";
    protected static final FakeProvider PROVIDER = new FakeProvider();
    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("bouncer.data-dir", DATA_DIR::toString);
    }

    protected ApiClient api() {
        return new ApiClient(port);
    }

    protected static String owner() {
        return ApiClient.basic(OWNER_EMAIL, OWNER_PASSWORD);
    }

    /** Creates a key and returns the full key, which only this answer shows. */
    protected String createKey(String environment, String... permissions) {
        return createKeyAs(owner(), environment, permissions);
    }

    /** Creates a key in the workspace of the owner signed in with {@code ownerAuthorization}. */
    protected String createKeyAs(String ownerAuthorization, String environment,
            String... permissions) {
        String list = String.join("\",\"", permissions);
        ApiClient.Response created = api().postJson("/api/v1/developer/keys", ownerAuthorization,
                "{\"name\":\"test key\",\"environment\":\"" + environment
                        + "\",\"permissions\":[\"" + list + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    /** Registers a live Cloud API instance that talks to the fake provider. */
    protected String registerCloudInstance(String phoneNumberId, String accessToken) {
        ApiClient.Response created = api().postJson("/api/v1/developer/instances", owner(),
                "{\"name\":\"Shop number\",\"environment\":\"live\",\"provider\":\"cloud-api\","
                        + "\"config\":{\"phoneNumberId\":\"" + phoneNumberId + "\","
                        + "\"accessToken\":\"" + accessToken + "\","
                        + "\"baseUrl\":\"" + PROVIDER.baseUrl() + "\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** Registers a live instance of {@code provider} with the given config object. */
    protected String registerLiveInstance(String provider, String configJson) {
        ApiClient.Response created = api().postJson("/api/v1/developer/instances", owner(),
                "{\"name\":\"Gateway number\",\"environment\":\"live\",\"provider\":\""
                        + provider + "\",\"config\":" + configJson + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** The instance's status as a live key with {@code instance:read} sees it. */
    protected String instanceStatus(String liveKey, String instanceId) {
        return api().get("/api/v1/instances/" + instanceId, ApiClient.bearer(liveKey)).json()
                .path("status").asText();
    }

    protected String sandboxInstanceId(String testKey) {
        JsonNode instances = api().get("/api/v1/instances", ApiClient.bearer(testKey)).json();
        return instances.path("data").path(0).path("id").asText();
    }

    protected ApiClient.Response send(String key, String instanceId, String to, String text) {
        return api().postJson("/api/v1/messages/send", ApiClient.bearer(key),
                "{\"instanceId\": \"" + instanceId + "\", \"to\": \"" + to + "\", \"message\": \""
                        + text + "\"}");
    }

    /** Waits until the message reaches {@code status} and returns its view. */
    protected JsonNode awaitStatus(String key, String messageId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = api().get("/api/v1/messages/" + messageId, ApiClient.bearer(key)).json();
            assertThat(last[0].path("status").asText()).isEqualTo(status);
        });
        return last[0];
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("bouncer-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
