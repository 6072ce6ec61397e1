package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;

/** A validated request to register an instance. */
record InstanceRegistration(String name, Environment environment, ProviderType provider,
        ProviderConfig config) {
}
