package dev.bouncer.host.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A provider stand-in: a real HTTP server on a free loopback port that records every request
 * and answers with the response configured for its path (200 and an empty JSON object
 * otherwise).
 */
public final class FakeProvider implements AutoCloseable {

    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<RecordedRequest, Reply>> replies = new ConcurrentHashMap<>();

    public FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to {@code path} with what {@code reply} makes of them. */
    public void on(String path, Function<RecordedRequest, Reply> reply) {
        replies.put(path, reply);
    }

    public void on(String path, int status, String body) {
        on(path, request -> new Reply(status, body));
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long receivedAtNanos = System.nanoTime();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                receivedAtNanos, exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery());
        requests.add(request);
        Reply reply = replies.getOrDefault(request.path(), any -> new Reply(200, "{}"))
                .apply(request);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", reply.retryAfter());
        }
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** What the fake answers, optionally with a {@code Retry-After} header. */
    public record Reply(int status, String body, String retryAfter) {

        public Reply(int status, String body) {
            this(status, body, null);
        }
    }

    /**
     * One request as the fake received it; {@code receivedAtNanos} is from System.nanoTime,
     * {@code path} is decoded, {@code rawPath} and {@code rawQuery} (null when none) as sent.
     */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers,
            String body, long receivedAtNanos, String rawPath, String rawQuery) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }
}
