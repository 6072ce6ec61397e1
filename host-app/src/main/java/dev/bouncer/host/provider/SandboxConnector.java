package dev.bouncer.host.provider;

import dev.bouncer.host.common.Ids;
import dev.bouncer.host.common.RequestReader;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The provider behind test keys: it makes no network call at all and accepts every message, so
 * integrations can be built without a phone. {@link #simulatesDelivery()} tells the queue to
 * record the delivery receipt a real provider would send.
 */
@Component
class SandboxConnector implements ProviderConnector {

    @Override
    public ProviderType type() {
        return ProviderType.SANDBOX;
    }

    @Override
    public ProviderConfig readConfig(RequestReader config) {
        config.rejectUnknownFields(Set.of());
        return new ProviderConfig(Map.of(), Map.of());
    }

    @Override
    public SendOutcome send(ProviderConfig config, OutboundText message) {
        return new SendOutcome.Sent(Ids.next("sandbox"));
    }

    @Override
    public boolean simulatesDelivery() {
        return true;
    }
}
