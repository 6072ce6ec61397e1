package dev.bouncer.host.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.provider.ProviderConfig;
import dev.bouncer.host.provider.ProviderType;
import java.time.Instant;
import java.util.List;

/**
 * One provider's webhook payloads. Splitting runs when a webhook arrives and must be cheap and
 * total: it only cuts the body into events and names each one. Reading runs later, in the
 * processor, and turns one stored event into a change.
 */
interface WebhookFormat {

    ProviderType provider();

    /** The events in a verified body, each with its deduplication key. */
    List<InboundItem> split(JsonNode body, String rawBody, ProviderConfig config);

    /**
     * What a stored event changes; {@link InboundChange.Skip} when nothing.
     *
     * @param receivedAt when Bouncer stored it: the time of an event that carries none
     */
    InboundChange read(InboundKind kind, JsonNode payload, Instant receivedAt);
}
