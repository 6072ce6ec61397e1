package dev.bouncer.host.provider;

import dev.bouncer.host.common.RequestReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Checks shared by the connectors' config readers, and path-safe encoding of their values. */
final class ConfigFields {

    /** Header values must be visible ASCII: anything else could not travel in one. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x21-\\x7e]+");
    static final int MAX_API_KEY_LENGTH = 500;
    static final int MIN_WEBHOOK_SECRET_LENGTH = 16;
    static final int MAX_WEBHOOK_SECRET_LENGTH = 200;

    private ConfigFields() {
    }

    /** A required API key sent as a header; the message never repeats the value. */
    static String apiKey(RequestReader config, String field) {
        String value = config.requiredString(field);
        if (value != null && !isHeaderValue(value, 1, MAX_API_KEY_LENGTH)) {
            config.reject(field, "must be 1 to " + MAX_API_KEY_LENGTH
                    + " visible ASCII characters, without spaces or line breaks");
            return null;
        }
        return value;
    }

    /** An optional owner-chosen secret that signs or authenticates inbound webhooks. */
    static String webhookSecret(RequestReader config, String field) {
        String value = config.optionalString(field).orElse(null);
        if (value != null && !isHeaderValue(value, MIN_WEBHOOK_SECRET_LENGTH,
                MAX_WEBHOOK_SECRET_LENGTH)) {
            config.reject(field, "must be " + MIN_WEBHOOK_SECRET_LENGTH + " to "
                    + MAX_WEBHOOK_SECRET_LENGTH + " visible ASCII characters, without spaces");
            return null;
        }
        return value;
    }

    private static boolean isHeaderValue(String value, int min, int max) {
        return value.length() >= min && value.length() <= max
                && HEADER_VALUE.matcher(value).matches();
    }

    /** The value as one URL path segment: {@code /}, spaces and the like are percent-encoded. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
