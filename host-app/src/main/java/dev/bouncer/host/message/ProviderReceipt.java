package dev.bouncer.host.message;

import java.time.Instant;
import java.util.Set;

/**
 * What a provider reported about a message it was given: sent, delivered, read or failed, at
 * the provider's own time, with the provider's error for a failure.
 *
 * @param providerMessageId the provider's id of the message (a wamid for the Cloud API)
 * @param errorCode the provider's code when {@code status} is failed, else null
 * @param errorMessage the provider's explanation when {@code status} is failed, else null
 */
public record ProviderReceipt(String providerMessageId, MessageStatus status, Instant occurredAt,
        String errorCode, String errorMessage) {

    private static final Set<MessageStatus> REPORTABLE =
            Set.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED);

    public ProviderReceipt {
        if (!REPORTABLE.contains(status)) {
            throw new IllegalArgumentException("A provider cannot report " + status.wire());
        }
    }

    public static ProviderReceipt of(String providerMessageId, MessageStatus status,
            Instant occurredAt) {
        return new ProviderReceipt(providerMessageId, status, occurredAt, null, null);
    }

    /** The id and status only: error texts may quote the message. */
    @Override
    public String toString() {
        return "ProviderReceipt[" + providerMessageId + ", " + status.wire() + "]";
    }
}
