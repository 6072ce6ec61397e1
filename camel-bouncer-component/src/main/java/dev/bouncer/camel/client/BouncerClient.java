package dev.bouncer.camel.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bouncer.camel.BouncerConnectionException;
import dev.bouncer.camel.model.SendMessageRequest;
import dev.bouncer.camel.model.SendMessageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the Bouncer REST API (v1) with one API key; thread-safe. */
public class BouncerClient {

    private static final Logger LOG = LoggerFactory.getLogger(BouncerClient.class);

    private static final String SEND_PATH = "/api/v1/messages/send";
    private static final String CONTACTS_PATH = "/api/v1/contacts";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final String JSON = "application/json";

    private final String baseUrl;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final ObjectMapper mapper;

    /**
     * Creates a client; the key is only ever written into the Authorization header.
     *
     * @param baseUri the host app's base URL, to which the API paths are appended
     * @param apiKey the API key, {@code bnc_live_...} or {@code bnc_test_...}
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for each answer
     */
    public BouncerClient(
            URI baseUri, String apiKey, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrl = withoutTrailingSlash(baseUri.toString());
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                // HTTP/1.1 because the JDK's h2c upgrade on plain http confuses some proxies,
                // and the API's small JSON exchanges gain nothing from HTTP/2.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Queues one text message.
     *
     * @param message what to send and where
     * @param idempotencyKey sent as {@code Idempotency-Key} unless null or blank
     * @return the accepted message
     * @throws dev.bouncer.camel.BouncerApiException when the API refuses the message
     * @throws BouncerConnectionException when the API cannot be reached or times out
     */
    public SendMessageResponse send(SendMessageRequest message, String idempotencyKey) {
        URI uri = URI.create(baseUrl + SEND_PATH);
        HttpRequest.Builder request = jsonPost(uri, message);
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            request.header("Idempotency-Key", idempotencyKey);
        }

        LOG.debug("Bouncer send: POST {}", uri);
        HttpResponse<String> response = execute(request.build());

        return read("send", response, SendMessageResponse.class);
    }

    /**
     * Creates the contact for {@code fields.phone}, or updates the one with that number.
     *
     * @param fields {@code phone} and any of name, email, tags, attributes
     * @return the contact as the API returned it, and whether it was created
     * @throws dev.bouncer.camel.BouncerApiException when the API refuses the contact
     * @throws BouncerConnectionException when the API cannot be reached or times out
     */
    public Upserted upsertContact(Map<String, Object> fields) {
        URI uri = URI.create(baseUrl + CONTACTS_PATH);
        LOG.debug("Bouncer contacts: POST {}", uri);
        HttpResponse<String> response = execute(jsonPost(uri, fields).build());
        Map<String, Object> contact = read("contacts", response, OBJECT);
        return new Upserted(contact, response.statusCode() == 201);
    }

    /** A contact after an upsert: created when the number was new. */
    public record Upserted(Map<String, Object> contact, boolean created) {
    }

    private HttpRequest.Builder jsonPost(URI uri, Object body) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", JSON)
                .header("Accept", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new BouncerConnectionException("Timed out calling the Bouncer API at " + baseUrl
                    + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (IOException e) {
            throw new BouncerConnectionException("Cannot reach the Bouncer API at " + baseUrl
                    + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BouncerConnectionException(
                    "Interrupted while calling the Bouncer API at " + baseUrl, e);
        }
    }

    private <T> T read(String operation, HttpResponse<String> response, Class<T> type) {
        return read(operation, response, mapper.getTypeFactory().constructType(type));
    }

    private <T> T read(String operation, HttpResponse<String> response, TypeReference<T> type) {
        return read(operation, response, mapper.getTypeFactory().constructType(type));
    }

    private <T> T read(String operation, HttpResponse<String> response, JavaType type) {
        boolean isSuccess = response.statusCode() / 100 == 2;
        if (!isSuccess) {
            throw ProblemResponses.toException(operation, response, mapper);
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw ProblemResponses.unreadableSuccess(operation, response, e);
        }
    }

    private String toJson(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // Our own records always serialise; failing here is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    // JDK network exceptions often carry no message (a refused connection has none).
    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + " " + e.getMessage();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "BouncerClient[" + baseUrl + "]";
    }
}
