package dev.bouncer.host.provider;

import dev.bouncer.host.common.RequestReader;

/** Talks to one kind of WhatsApp provider: validates its settings and sends through it. */
public interface ProviderConnector {

    ProviderType type();

    /** Reads and validates the {@code config} object of an instance registration. */
    ProviderConfig readConfig(RequestReader config);

    /** Sends one text; failures are returned, not thrown, so the queue can classify them. */
    SendOutcome send(ProviderConfig config, OutboundText message);

    /** True for a provider that sends no receipts itself, so the queue records delivery. */
    default boolean simulatesDelivery() {
        return false;
    }
}
