package dev.bouncer.host.inbound;

/**
 * One event cut out of a provider's webhook body, ready to store.
 *
 * @param dedupeKey the provider's id for the event (a message id, message id and status, an
 *     event id) or a hash of the body when the provider gives none
 * @param payload the event's JSON, self-contained: what the processor reads later
 * @param skipReason why the event is stored but not applied, or null to apply it
 */
record InboundItem(InboundKind kind, String dedupeKey, String payload, String skipReason) {

    /** Longest key the table holds; longer provider ids are hashed. */
    static final int MAX_KEY = 300;

    static InboundItem apply(InboundKind kind, String dedupeKey, String payload) {
        return new InboundItem(kind, dedupeKey, payload, null);
    }

    static InboundItem skip(InboundKind kind, String dedupeKey, String payload, String reason) {
        return new InboundItem(kind, dedupeKey, payload, reason);
    }

    @Override
    public String toString() {
        return "InboundItem[" + kind.wire() + ", " + dedupeKey + "]";
    }
}
