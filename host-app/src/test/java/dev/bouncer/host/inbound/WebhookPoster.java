package dev.bouncer.host.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Posts webhook bodies byte for byte, as a provider does, with the headers it signs them with. */
final class WebhookPoster {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/providers");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    WebhookPoster(int port) {
        this.port = port;
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> post(String pathAndQuery, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String metaSignature(String appSecret, byte[] body) {
        return "sha256=" + WebhookSignatures.hmacHex("HmacSHA256", appSecret, body);
    }

    static String wahaHmac(String key, byte[] body) {
        return WebhookSignatures.hmacHex("HmacSHA512", key, body);
    }
}
