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

    /** The field's URL without a trailing slash, or the default when absent. */
    static String read(RequestReader config, String field, String defaultUrl) {
        String value = config.optionalString(field).orElse(defaultUrl).trim();
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
