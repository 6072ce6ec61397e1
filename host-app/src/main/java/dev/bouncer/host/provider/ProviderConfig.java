package dev.bouncer.host.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's connection details for one instance, split so that only {@code secrets}
 * (tokens, API keys) are encrypted at rest and nothing in them is ever returned or logged.
 */
public record ProviderConfig(Map<String, String> settings, Map<String, String> secrets) {

    public ProviderConfig {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
    }

    /** A config from values read so far; fields that failed validation are null and left out. */
    static ProviderConfig ofPresent(Map<String, String> settings, Map<String, String> secrets) {
        return new ProviderConfig(withoutNulls(settings), withoutNulls(secrets));
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> present = new LinkedHashMap<>(values);
        present.values().removeIf(Objects::isNull);
        return present;
    }

    public String setting(String name) {
        return settings.get(name);
    }

    public String secret(String name) {
        return secrets.get(name);
    }

    @Override
    public String toString() {
        return "ProviderConfig[settings=" + settings + ", secrets=" + secrets.keySet() + "]";
    }
}
