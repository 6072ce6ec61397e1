package dev.bouncer.host.inbound;

import dev.bouncer.host.instance.InstanceStatus;
import dev.bouncer.host.message.InboundText;
import dev.bouncer.host.message.ProviderReceipt;
import java.time.Instant;

/** A stored provider event read into Bouncer's terms: what applying it changes. */
sealed interface InboundChange {

    /** A contact wrote: becomes a {@code message.received} event. */
    record Received(InboundText text) implements InboundChange {
    }

    /** A receipt for a sent message: becomes a {@code message.status} event when it applies. */
    record Receipt(ProviderReceipt receipt) implements InboundChange {
    }

    /**
     * The instance's connection changed: becomes an {@code instance.status} event, unless the
     * provider reported a newer state already.
     *
     * @param reportedAt the provider's time of the report (the time received when it gives none)
     */
    record Connection(InstanceStatus status, String reason, Instant reportedAt) implements InboundChange {
    }

    /** Nothing to apply, and why (a group chat, an echo of our own message, a pending ack). */
    record Skip(String reason) implements InboundChange {
    }
}
