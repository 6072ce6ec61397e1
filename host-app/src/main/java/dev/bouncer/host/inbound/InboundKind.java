package dev.bouncer.host.inbound;

/** What one stored provider event is about; part of its deduplication key. */
enum InboundKind {
    /** A message a contact sent. */
    MESSAGE("message"),
    /** A receipt for a message the instance sent: sent, delivered, read, failed. */
    STATUS("status"),
    /** The instance's connection at the provider changed. */
    CONNECTION("connection"),
    /** An event Bouncer does not use; kept for the record. */
    OTHER("other"),
    /** A body that is not JSON: kept and marked failed. */
    UNREADABLE("unreadable");

    private final String wire;

    InboundKind(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
