package dev.bouncer.host.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the running host app over real HTTP, as curl or n8n would. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    public Response get(String path, String authorization) {
        return send(request(path, authorization).GET());
    }

    public Response delete(String path, String authorization) {
        return send(request(path, authorization).DELETE());
    }

    public Response put(String path, String authorization, String json) {
        return send(request(path, authorization).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** Any method, with a JSON body when {@code json} is not null. */
    public Response exchange(String method, String path, String authorization, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
        HttpRequest.Builder request = request(path, authorization).method(method, body);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    public Response patch(String path, String authorization, String contentType, String body) {
        return send(request(path, authorization).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response patchJson(String path, String authorization, String json) {
        return patch(path, authorization, "application/json", json);
    }

    public Response postJson(String path, String authorization, String json) {
        return post(path, authorization, "application/json", json);
    }

    public Response post(String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = request(path, authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed when it is JSON. */
    public static final class Response {

        private final HttpResponse<String> raw;

        public Response(HttpResponse<String> raw) {
            this.raw = raw;
        }

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
