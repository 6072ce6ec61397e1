package dev.bouncer.host.provider;

import dev.bouncer.host.common.RequestReader;
import java.net.URI;
import java.net.URISyntaxException;

/** Validation of the provider base URLs an owner configures on an instance. */
final class BaseUrls {

    /** Keeps an instance's settings well inside their 4000-character column. */
    static final int MAX_LENGTH = 2000;

    private BaseUrls() {
    }

    /** The field's URL without a trailing slash, or the default when absent or invalid. */
    static String read(RequestReader config, String field, String defaultUrl) {
        return config.optionalString(field)
                .map(value -> validated(config, field, value.trim(), defaultUrl))
                .orElse(defaultUrl);
    }

    /** The field's URL without a trailing slash; null (and the field rejected) when absent. */
    static String readRequired(RequestReader config, String field) {
        if (config.raw(field) == null) {
            config.reject(field, "is required");
            return null;
        }
        return read(config, field, null);
    }

    private static String validated(RequestReader config, String field, String value,
            String defaultUrl) {
        if (value.length() > MAX_LENGTH) {
            config.reject(field, "must be at most " + MAX_LENGTH + " characters");
            return defaultUrl;
        }
        if (!isHttpUrl(value)) {
            config.reject(field, "must be an http or https URL without credentials, query or fragment");
            return defaultUrl;
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            boolean httpScheme = "http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme());
            return httpScheme && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
