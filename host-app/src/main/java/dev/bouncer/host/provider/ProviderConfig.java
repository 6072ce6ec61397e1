package dev.bouncer.host.provider;

import java.util.Map;

/**
 * A provider's connection details for one instance, split so that only {@code secrets}
 * (tokens, API keys) are encrypted at rest and nothing in them is ever returned or logged.
 */
public record ProviderConfig(Map<String, String> settings, Map<String, String> secrets) {

    public ProviderConfig {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
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
