package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;

/** An instance as an API key sees it: no provider settings at all. */
record InstanceSummary(String id, String name, Environment environment, ProviderType provider,
        InstanceStatus status, Instant createdAt) {

    static InstanceSummary of(Instance instance) {
        return new InstanceSummary(instance.getId(), instance.getName(), instance.getEnvironment(),
                instance.getProvider(), instance.getStatus(), instance.getCreatedAt());
    }
}
