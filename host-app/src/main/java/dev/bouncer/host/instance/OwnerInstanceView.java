package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;
import java.util.Map;

/**
 * An instance as its owner sees it: the non-secret settings, never a token. Secrets are
 * write-only.
 */
record OwnerInstanceView(String id, String name, Environment environment, ProviderType provider,
        InstanceStatus status, Map<String, String> config, Instant createdAt, Instant updatedAt) {

    static OwnerInstanceView of(Instance instance, Map<String, String> settings) {
        return new OwnerInstanceView(instance.getId(), instance.getName(),
                instance.getEnvironment(), instance.getProvider(), instance.getStatus(), settings,
                instance.getCreatedAt(), instance.getUpdatedAt());
    }
}
