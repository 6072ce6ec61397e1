package dev.bouncer.host.instance;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An instance as its owner sees it: the non-secret settings, never a token. Secrets are
 * write-only; only their names are shown, so an owner can tell whether, say, the webhook
 * secret was ever set.
 *
 * @param secretsSet names of the secrets the instance holds, such as {@code accessToken}
 * @param webhookPath where the provider posts its webhooks, relative to Bouncer's public URL
 */
record OwnerInstanceView(String id, String name, Environment environment, ProviderType provider,
        InstanceStatus status, Map<String, String> config, List<String> secretsSet, String webhookPath,
        Instant createdAt, Instant updatedAt) {

    static OwnerInstanceView of(Instance instance, ProviderConfig config) {
        return new OwnerInstanceView(instance.getId(), instance.getName(),
                instance.getEnvironment(), instance.getProvider(), instance.getStatus(),
                config.settings(), config.secrets().keySet().stream().sorted().toList(),
                "/webhooks/providers/" + instance.getId(), instance.getCreatedAt(), instance.getUpdatedAt());
    }
}
