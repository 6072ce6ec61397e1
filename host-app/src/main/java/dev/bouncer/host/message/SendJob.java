package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.OutboundText;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;

/** Everything a dispatcher needs for one attempt, read while the message was claimed. */
record SendJob(Environment environment, ProviderType provider, ProviderConfig config,
        OutboundText message) {

    @Override
    public String toString() {
        return "SendJob[message=" + message.messageId() + ", provider=" + provider.wire() + "]";
    }
}
