package dev.bouncer.host.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.provider.SendOutcome.FailureKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Meta's WhatsApp Cloud API: {@code POST {baseUrl}/{apiVersion}/{phoneNumberId}/messages} with
 * the instance's access token as bearer token.
 */
@Component
class CloudApiConnector implements ProviderConnector {

    static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    static final String DEFAULT_API_VERSION = "v23.0";

    private static final Logger log = LoggerFactory.getLogger(CloudApiConnector.class);
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("[0-9]{1,32}");
    private static final Pattern API_VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,3}");
    /** Meta's tokens are visible ASCII; anything else could not travel in a header anyway. */
    private static final Pattern ACCESS_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,2000}");
    private static final int MAX_ERROR_LENGTH = 1000;

    private final ProviderHttp http;
    private final ObjectMapper json;
    private final CloudApiErrors errors = new CloudApiErrors();

    CloudApiConnector(ProviderHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ProviderType type() {
        return ProviderType.CLOUD_API;
    }

    @Override
    public ProviderConfig readConfig(RequestReader config) {
        config.rejectUnknownFields(Set.of("phoneNumberId", "accessToken", "baseUrl", "apiVersion",
                "appSecret", "verifyToken"));
        String phoneNumberId = config.requiredString("phoneNumberId");
        if (phoneNumberId != null && !PHONE_NUMBER_ID.matcher(phoneNumberId).matches()) {
            config.reject("phoneNumberId", "must be the numeric phone number id from Meta");
        }
        String accessToken = config.requiredString("accessToken");
        checkToken(config, "accessToken", accessToken);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("accessToken", String.valueOf(accessToken));
        // Optional: without them webhooks from Meta cannot be verified and are refused.
        for (String webhookSecret : List.of("appSecret", "verifyToken")) {
            config.optionalString(webhookSecret).ifPresent(value -> {
                checkToken(config, webhookSecret, value);
                secrets.put(webhookSecret, value);
            });
        }
        String baseUrl = BaseUrls.read(config, "baseUrl", DEFAULT_BASE_URL);
        String apiVersion = config.optionalString("apiVersion").orElse(DEFAULT_API_VERSION);
        if (!API_VERSION.matcher(apiVersion).matches()) {
            config.reject("apiVersion", "must look like v23.0");
        }
        return new ProviderConfig(
                Map.of("phoneNumberId", String.valueOf(phoneNumberId), "baseUrl", baseUrl,
                        "apiVersion", apiVersion),
                secrets);
    }

    private static void checkToken(RequestReader config, String field, String value) {
        if (value != null && !ACCESS_TOKEN.matcher(value).matches()) {
            config.reject(field,
                    "must be 1 to 2000 visible ASCII characters, without spaces or line breaks");
        }
    }

    @Override
    public SendOutcome send(ProviderConfig config, OutboundText message) {
        String url = config.setting("baseUrl") + "/" + config.setting("apiVersion") + "/"
                + config.setting("phoneNumberId") + "/messages";
        ProviderHttp.Reply reply = http.postJson(url,
                Map.of("Authorization", "Bearer " + config.secret("accessToken")),
                requestBody(message));
        log.debug("Cloud API answered {} for message {}", reply.status(), message.messageId());
        return reply.isSuccess() ? accepted(reply) : errors.classify(reply);
    }

    /**
     * Reads the phone number's own id back: the cheapest authenticated call, and it fails the
     * same way a send would when the token expired or lost access to the number.
     */
    @Override
    public ConnectionCheck checkConnection(ProviderConfig config) {
        String url = config.setting("baseUrl") + "/" + config.setting("apiVersion") + "/"
                + config.setting("phoneNumberId") + "?fields=id";
        ProviderHttp.Reply reply = http.get(url,
                Map.of("Authorization", "Bearer " + config.secret("accessToken")));
        if (reply.status() == 0) {
            return ConnectionCheck.unknown("the Cloud API could not be reached (" + reply.failure() + ")");
        }
        if (reply.isSuccess()) {
            return ConnectionCheck.of(ConnectionState.CONNECTED, "the Cloud API accepts the token");
        }
        JsonNode code = parse(reply.body()).path("error").path("code");
        boolean tokenRefused = reply.status() == 401 || (code.isInt() && code.intValue() == 190);
        if (tokenRefused) {
            return ConnectionCheck.of(ConnectionState.DISCONNECTED, "the Cloud API refused the token ("
                    + (code.isInt() ? code.intValue() : "HTTP " + reply.status()) + ")");
        }
        return ConnectionCheck.unknown("the Cloud API answered HTTP " + reply.status()
                + (code.isInt() ? " (" + code.intValue() + ")" : ""));
    }

    private String requestBody(OutboundText message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.recipientDigits());
        body.put("type", "text");
        body.put("text", Map.of("preview_url", false, "body", message.text()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write Cloud API request", e);
        }
    }

    private SendOutcome accepted(ProviderHttp.Reply reply) {
        JsonNode wamid = parse(reply.body()).path("messages").path(0).path("id");
        if (!wamid.isTextual() || wamid.textValue().isBlank()) {
            // A 2xx means the provider took the message: calling it failed would invite a
            // second send. It is sent, only its receipts cannot be matched.
            return SendOutcome.Sent.withoutId(reply.status());
        }
        return new SendOutcome.Sent(wamid.textValue());
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    /** Maps Cloud API error answers onto the failure kinds of the send queue. */
    private final class CloudApiErrors {

        /** Meta's codes that mean "slow down or try later". */
        private static final Set<Integer> RETRYABLE_CODES =
                Set.of(1, 2, 4, 17, 80007, 130429, 131000, 131016, 131048, 131056, 133004);
        /** Meta's codes that mean the token or the account cannot send. */
        private static final Set<Integer> AUTH_CODES = Set.of(0, 3, 10, 190, 200, 131005, 131031);

        SendOutcome.Failed classify(ProviderHttp.Reply reply) {
            if (reply.status() == 0 && reply.timedOut()) {
                return new SendOutcome.Failed(FailureKind.RETRYABLE, "provider_timeout",
                        "The Cloud API did not answer in time; it may have received the message.");
            }
            if (reply.status() == 0) {
                return new SendOutcome.Failed(FailureKind.RETRYABLE, "provider_unreachable",
                        "The Cloud API could not be reached (" + reply.failure() + ").");
            }
            JsonNode error = parse(reply.body()).path("error");
            if (!error.path("code").isInt()) {
                return new SendOutcome.Failed(kindOfStatus(reply.status()), "http_" + reply.status(),
                        "The Cloud API answered HTTP " + reply.status() + ".",
                        RetryAfter.parse(reply.retryAfter()));
            }
            int code = error.path("code").intValue();
            return new SendOutcome.Failed(kindOf(code, reply.status()), String.valueOf(code),
                    describe(error), RetryAfter.parse(reply.retryAfter()));
        }

        private FailureKind kindOf(int code, int status) {
            if (AUTH_CODES.contains(code) || status == 401) {
                return FailureKind.AUTH;
            }
            return RETRYABLE_CODES.contains(code) ? FailureKind.RETRYABLE : kindOfStatus(status);
        }

        private FailureKind kindOfStatus(int status) {
            if (status == 401 || status == 403) {
                return FailureKind.AUTH;
            }
            return status == 429 || status >= 500 ? FailureKind.RETRYABLE : FailureKind.PERMANENT;
        }

        private String describe(JsonNode error) {
            String text = error.path("message").asText("");
            String details = error.path("error_data").path("details").asText("");
            String full = details.isBlank() || text.contains(details) ? text : text + ": " + details;
            return full.length() <= MAX_ERROR_LENGTH ? full : full.substring(0, MAX_ERROR_LENGTH);
        }
    }
}
