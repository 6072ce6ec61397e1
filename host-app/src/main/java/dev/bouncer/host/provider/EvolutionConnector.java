package dev.bouncer.host.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.provider.SendOutcome.FailureKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evolution API v2, a self-hosted WhatsApp Web gateway: {@code POST
 * {baseUrl}/message/sendText/{instanceName}} with the instance's key in the {@code apikey}
 * header.
 */
@Component
class EvolutionConnector implements ProviderConnector {

    private static final Logger log = LoggerFactory.getLogger(EvolutionConnector.class);
    private static final String PROVIDER = "Evolution API";
    private static final int MAX_INSTANCE_NAME_LENGTH = 100;

    private final ProviderHttp http;
    private final ObjectMapper json;

    EvolutionConnector(ProviderHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ProviderType type() {
        return ProviderType.EVOLUTION;
    }

    @Override
    public ProviderConfig readConfig(RequestReader config) {
        config.rejectUnknownFields(Set.of("baseUrl", "instanceName", "apiKey", "webhookSecret"));
        String baseUrl = BaseUrls.readRequired(config, "baseUrl");
        String instanceName = readInstanceName(config);
        String apiKey = ConfigFields.apiKey(config, "apiKey");
        String webhookSecret = ConfigFields.webhookSecret(config, "webhookSecret");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", baseUrl);
        settings.put("instanceName", instanceName);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("apiKey", apiKey);
        secrets.put("webhookSecret", webhookSecret);
        return ProviderConfig.ofPresent(settings, secrets);
    }

    private static String readInstanceName(RequestReader config) {
        String name = config.requiredString("instanceName");
        if (name != null && (name.isBlank() || name.length() > MAX_INSTANCE_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl))) {
            config.reject("instanceName", "must be the Evolution instance's name: 1 to "
                    + MAX_INSTANCE_NAME_LENGTH + " characters, not blank, without control characters");
            return null;
        }
        return name;
    }

    @Override
    public SendOutcome send(ProviderConfig config, OutboundText message) {
        String url = config.setting("baseUrl") + "/message/sendText/"
                + ConfigFields.pathSegment(config.setting("instanceName"));
        ProviderHttp.Reply reply = http.postJson(url, credentials(config), requestBody(message));
        log.debug("Evolution API answered {} for message {}", reply.status(), message.messageId());
        if (reply.status() == 0) {
            return HttpFailures.unanswered(PROVIDER, reply);
        }
        return reply.isSuccess() ? accepted(reply) : refused(reply);
    }

    private static Map<String, String> credentials(ProviderConfig config) {
        return Map.of("apikey", config.secret("apiKey"));
    }

    /**
     * Evolution's optional {@code delay} is left out on purpose: it makes Evolution hold the
     * request while it shows "typing", and Bouncer's throttle already paces the sends.
     */
    private String requestBody(OutboundText message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", message.recipientDigits());
        body.put("text", message.text());
        body.put("linkPreview", false);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write Evolution API request", e);
        }
    }

    private SendOutcome accepted(ProviderHttp.Reply reply) {
        JsonNode id = parse(reply.body()).path("key").path("id");
        if (!id.isTextual() || id.textValue().isBlank()) {
            // A 2xx means the provider took the message: calling it failed would invite a
            // second send. It is sent, only its receipts cannot be matched.
            return SendOutcome.Sent.withoutId(reply.status());
        }
        return new SendOutcome.Sent(id.textValue());
    }

    /**
     * A 404 on this path means Evolution has no instance of that name (a bad number is a 400),
     * so no send on the instance can succeed until its config is fixed: pause, do not fail.
     */
    private SendOutcome.Failed refused(ProviderHttp.Reply reply) {
        JsonNode message = parse(reply.body()).path("response").path("message");
        if (reply.status() == 404) {
            return new SendOutcome.Failed(FailureKind.AUTH, "instance_not_found",
                    HttpFailures.truncate(PROVIDER + " has no such instance: "
                            + HttpFailures.text(message)));
        }
        if (reply.status() == 400 && notOnWhatsApp(message)) {
            return new SendOutcome.Failed(FailureKind.PERMANENT, "not_on_whatsapp",
                    "The number " + message.path(0).path("number").asText("")
                            + " is not on WhatsApp.");
        }
        return HttpFailures.ofStatus(PROVIDER, reply, HttpFailures.text(message));
    }

    private static boolean notOnWhatsApp(JsonNode message) {
        return message.path(0).path("exists").isBoolean() && !message.path(0).path("exists").booleanValue();
    }

    @Override
    public ConnectionCheck checkConnection(ProviderConfig config) {
        String url = config.setting("baseUrl") + "/instance/connectionState/"
                + ConfigFields.pathSegment(config.setting("instanceName"));
        ProviderHttp.Reply reply = http.get(url, credentials(config));
        if (reply.status() == 0) {
            return ConnectionCheck.unknown(PROVIDER + " could not be reached (" + reply.failure() + ")");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return ConnectionCheck.of(ConnectionState.DISCONNECTED,
                    PROVIDER + " refused the instance's apikey (HTTP " + reply.status() + ")");
        }
        if (reply.status() == 404) {
            return ConnectionCheck.of(ConnectionState.DISCONNECTED, PROVIDER + " has no such instance");
        }
        if (!reply.isSuccess()) {
            return ConnectionCheck.unknown(PROVIDER + " answered HTTP " + reply.status());
        }
        return stateOf(parse(reply.body()).path("instance").path("state").asText(""));
    }

    private static ConnectionCheck stateOf(String state) {
        ConnectionState observed = switch (state) {
            case "open" -> ConnectionState.CONNECTED;
            case "connecting" -> ConnectionState.CONNECTING;
            case "close" -> ConnectionState.DISCONNECTED;
            case "refused" -> ConnectionState.BLOCKED;
            default -> ConnectionState.UNKNOWN;
        };
        String shown = state.length() <= 40 ? state : state.substring(0, 40);
        return ConnectionCheck.of(observed, PROVIDER + " reports state '" + shown + "'");
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }
}
