package dev.bouncer.host.instance;

import dev.bouncer.host.provider.ProviderConfig;

/**
 * A validated change of a registered instance.
 *
 * @param name the new name, or null to keep it
 * @param config the whole new provider config, or null to keep it
 */
record InstanceChange(String name, ProviderConfig config) {
}
