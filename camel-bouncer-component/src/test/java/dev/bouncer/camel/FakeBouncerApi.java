package dev.bouncer.camel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for the Bouncer API: a real HTTP server that records requests and plays answers. */
final class FakeBouncerApi implements AutoCloseable {

    private final HttpServer server;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    private FakeBouncerApi(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
    }

    /** Starts a server on a free loopback port. */
    static FakeBouncerApi start() {
        try {
            InetSocketAddress anyFreePort =
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            FakeBouncerApi api = new FakeBouncerApi(HttpServer.create(anyFreePort, 0));
            api.server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues the answer to the next request. */
    void answer(int status, String contentType, String body, Map<String, String> headers) {
        answers.add(new Answer(status, contentType, body, headers));
    }

    /** Queues a {@code 202} answer accepting one message. */
    void answerQueued(String messageId, String normalisedTo) {
        answer(202, "application/json", "{\"id\":\"" + messageId + "\",\"status\":\"queued\","
                + "\"to\":\"" + normalisedTo + "\",\"instanceId\":\"ins_1\","
                + "\"createdAt\":\"2026-12-03T21:00:00Z\",\"queuePosition\":3}", Map.of());
    }

    /** Queues an RFC 9457 problem answer. */
    void answerProblem(int status, String problemJson, Map<String, String> headers) {
        answer(status, "application/problem+json", problemJson, headers);
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    RecordedRequest onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("Expected exactly one request, got " + requests.size());
        }
        return requests.get(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
        }
        Answer answer = answers.poll();
        if (answer == null) {
            answer = new Answer(500, "text/plain", "no answer queued in FakeBouncerApi", Map.of());
        }
        respond(exchange, answer);
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Answer(
            int status, String contentType, String body, Map<String, String> headers) {
    }
}
