package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.host.support.ApiClient;
import dev.bouncer.host.support.HostAppIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A client retrying a send with the same Idempotency-Key gets the first message, never two. */
class IdempotencyIT extends HostAppIT {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void sameKeyAndBodyReturnsTheFirstMessage() {
        String key = createKey("test", "message:send", "instance:read");
        String body = sendBody(sandboxInstanceId(key), "+15550100010", "Order 1 shipped");

        ApiClient.Response first = sendWithKey(key, "order-1-shipped", body);
        ApiClient.Response retry = sendWithKey(key, "order-1-shipped", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(messagesWithText("Order 1 shipped")).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflict() {
        String key = createKey("test", "message:send", "instance:read");
        String instanceId = sandboxInstanceId(key);
        sendWithKey(key, "order-2", sendBody(instanceId, "+15550100011", "Order 2 shipped"));

        ApiClient.Response conflict =
                sendWithKey(key, "order-2", sendBody(instanceId, "+15550100011", "Order 2 lost"));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("code").asText()).isEqualTo("idempotency_conflict");
        assertThat(messagesWithText("Order 2 lost")).isZero();
    }

    @Test
    void parallelRetriesWithOneKeyStoreOneMessage() {
        String key = createKey("test", "message:send", "instance:read");
        String body = sendBody(sandboxInstanceId(key), "+15550100012", "Order 3 shipped");
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = IntStream.range(0, 10)
                .mapToObj(i -> http.sendAsync(request(key, "order-3", body),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(202);
        assertThat(messagesWithText("Order 3 shipped")).isEqualTo(1);
    }

    @Test
    void idempotencyKeyIsScopedToTheEnvironment() {
        String testKey = createKey("test", "message:send", "instance:read");
        String liveKey = createKey("live", "message:send");

        sendWithKey(testKey, "shared-key", sendBody(sandboxInstanceId(testKey), "+15550100013", "x"));
        ApiClient.Response live = sendWithKey(liveKey, "shared-key",
                sendBody("ins_unknown", "+15550100013", "x"));

        assertThat(live.status()).isEqualTo(404);
    }

    private ApiClient.Response sendWithKey(String key, String idempotencyKey, String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    request(key, idempotencyKey, body), HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String key, String idempotencyKey, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages/send"))
                .header("Authorization", ApiClient.bearer(key))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String sendBody(String instanceId, String to, String text) {
        return "{\"instanceId\":\"" + instanceId + "\",\"to\":\"" + to + "\",\"message\":\"" + text + "\"}";
    }

    private int messagesWithText(String text) {
        return jdbc.queryForObject("select count(*) from outbox_message where body = ?",
                Integer.class, text);
    }
}
