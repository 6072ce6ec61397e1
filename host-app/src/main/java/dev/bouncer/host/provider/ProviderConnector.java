package dev.bouncer.host.provider;

import dev.bouncer.host.common.RequestReader;

/**
 * Talks to one kind of WhatsApp provider: validates its settings, sends through it and asks it
 * how an instance's connection stands.
 */
public interface ProviderConnector {

    ProviderType type();

    /** Reads and validates the {@code config} object of an instance registration. */
    ProviderConfig readConfig(RequestReader config);

    /** Sends one text; failures are returned, not thrown, so the queue can classify them. */
    SendOutcome send(ProviderConfig config, OutboundText message);

    /**
     * Asks the provider whether the instance's number is connected. Network trouble and
     * unreadable answers come back as {@link ConnectionState#UNKNOWN}, never as an exception.
     */
    default ConnectionCheck checkConnection(ProviderConfig config) {
        return ConnectionCheck.unknown("the " + type().wire() + " provider has no health check");
    }

    /** True for a provider that sends no receipts itself, so the queue records delivery. */
    default boolean simulatesDelivery() {
        return false;
    }
}
