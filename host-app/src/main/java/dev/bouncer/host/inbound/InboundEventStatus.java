package dev.bouncer.host.inbound;

/** Where a stored provider event stands in processing. */
enum InboundEventStatus {
    PENDING("pending"),
    PROCESSED("processed"),
    /** Deliberately not applied: a group message, an echo of our own send, an unused event. */
    SKIPPED("skipped"),
    /** Could not be applied, even after retries; {@code lastError} says why. */
    FAILED("failed");

    private final String wire;

    InboundEventStatus(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
