package dev.bouncer.host.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.provider.SendOutcome.FailureKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * WAHA (WhatsApp HTTP API), a self-hosted WhatsApp Web gateway: {@code POST
 * {baseUrl}/api/sendText} naming the session, with the key in the {@code X-Api-Key} header.
 */
@Component
class WahaConnector implements ProviderConnector {

    static final String DEFAULT_SESSION = "default";

    private static final Logger log = LoggerFactory.getLogger(WahaConnector.class);
    private static final String PROVIDER = "WAHA";
    /** WAHA's own rule for session names. */
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ProviderHttp http;
    private final ObjectMapper json;

    WahaConnector(ProviderHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ProviderType type() {
        return ProviderType.WAHA;
    }

    @Override
    public ProviderConfig readConfig(RequestReader config) {
        config.rejectUnknownFields(Set.of("baseUrl", "session", "apiKey", "webhookHmacKey"));
        String baseUrl = BaseUrls.readRequired(config, "baseUrl");
        String session = config.optionalString("session").orElse(DEFAULT_SESSION);
        if (!SESSION.matcher(session).matches()) {
            config.reject("session", "must be the WAHA session's name: 1 to 64 letters, digits, '_' or '-'");
        }
        String apiKey = ConfigFields.apiKey(config, "apiKey");
        String hmacKey = ConfigFields.webhookSecret(config, "webhookHmacKey");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl);
        settings.put("session", session);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("apiKey", apiKey);
        secrets.put("webhookHmacKey", hmacKey);
        return ProviderConfig.ofPresent(settings, secrets);
    }

    @Override
    public SendOutcome send(ProviderConfig config, OutboundText message) {
        ProviderHttp.Reply reply = http.postJson(config.setting("baseUrl") + "/api/sendText",
                credentials(config), requestBody(config, message));
        log.debug("WAHA answered {} for message {}", reply.status(), message.messageId());
        if (reply.status() == 0) {
            return HttpFailures.unanswered(PROVIDER, reply);
        }
        return reply.isSuccess() ? accepted(reply) : refused(reply);
    }

    private static Map<String, String> credentials(ProviderConfig config) {
        return Map.of("X-Api-Key", config.secret("apiKey"));
    }

    private String requestBody(ProviderConfig config, OutboundText message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", config.setting("session"));
        body.put("chatId", message.recipientDigits() + "@c.us");
        body.put("text", message.text());
        body.put("linkPreview", false);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write WAHA request", e);
        }
    }

    /** WAHA's id is the serialized one ({@code true_<chat>_<key>}) its receipts refer to. */
    private SendOutcome accepted(ProviderHttp.Reply reply) {
        JsonNode id = parse(reply.body()).path("id");
        if (id.isObject()) {
            // Some WAHA engines answer the id as an object with the serialized form inside.
            id = id.path("_serialized");
        }
        if (!id.isTextual() || id.textValue().isBlank()) {
            // A 2xx means the provider took the message: calling it failed would invite a
            // second send. It is sent, only its receipts cannot be matched.
            return SendOutcome.Sent.withoutId(reply.status());
        }
        return new SendOutcome.Sent(id.textValue());
    }

    /**
     * A 404 names an unknown session and a 422 a session that is not WORKING (waiting for its QR
     * code, stopped): no send can succeed until the session is fixed, so pause, do not fail.
     * The health check then sees the session working again and resumes the queue.
     */
    private SendOutcome.Failed refused(ProviderHttp.Reply reply) {
        JsonNode body = parse(reply.body());
        String explanation = HttpFailures.text(body.path("message"));
        if (reply.status() == 404 || reply.status() == 422) {
            String code = reply.status() == 404 ? "session_not_found" : "session_not_working";
            return new SendOutcome.Failed(FailureKind.AUTH, code,
                    HttpFailures.truncate(PROVIDER + " cannot send on the session: " + explanation));
        }
        return HttpFailures.ofStatus(PROVIDER, reply, explanation);
    }

    @Override
    public ConnectionCheck checkConnection(ProviderConfig config) {
        String url = config.setting("baseUrl") + "/api/sessions/"
                + ConfigFields.pathSegment(config.setting("session"));
        ProviderHttp.Reply reply = http.get(url, credentials(config));
        if (reply.status() == 0) {
            return ConnectionCheck.unknown(PROVIDER + " could not be reached (" + reply.failure() + ")");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return ConnectionCheck.of(ConnectionState.DISCONNECTED,
                    PROVIDER + " refused the instance's API key (HTTP " + reply.status() + ")");
        }
        if (reply.status() == 404) {
            return ConnectionCheck.of(ConnectionState.DISCONNECTED, PROVIDER + " has no such session");
        }
        if (!reply.isSuccess()) {
            return ConnectionCheck.unknown(PROVIDER + " answered HTTP " + reply.status());
        }
        return statusOf(parse(reply.body()).path("status").asText(""));
    }

    private static ConnectionCheck statusOf(String status) {
        ConnectionState observed = switch (status) {
            case "WORKING" -> ConnectionState.CONNECTED;
            case "STARTING" -> ConnectionState.CONNECTING;
            case "SCAN_QR_CODE" -> ConnectionState.QR_REQUIRED;
            case "FAILED", "STOPPED" -> ConnectionState.DISCONNECTED;
            default -> ConnectionState.UNKNOWN;
        };
        String shown = status.length() <= 40 ? status : status.substring(0, 40);
        return ConnectionCheck.of(observed, PROVIDER + " reports session status '" + shown + "'");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }
}
