package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.OutboundText;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;

/**
 * Everything one attempt needs, read while the message was claimed.
 *
 * @param startAt when the provider call is to start: the throttle slot the claim reserved,
 *     which may be a few milliseconds after the claim itself
 */
record SendJob(String instanceId, Environment environment, ProviderType provider,
        ProviderConfig config, OutboundText message, Instant startAt) {

    String messageId() {
        return message.messageId();
    }

    @Override
    public String toString() {
        return "SendJob[message=" + message.messageId() + ", provider=" + provider.wire() + "]";
    }
}
