package dev.bouncer.host.provider;

/**
 * An instance's connection as its provider reports it. It mirrors the instance statuses, kept
 * in this package so that connectors do not depend on the instance feature, plus
 * {@link #UNKNOWN} for a check that got no usable answer.
 */
public enum ConnectionState {
    CONNECTED,
    CONNECTING,
    QR_REQUIRED,
    DISCONNECTED,
    BLOCKED,
    /** No usable answer (network trouble, 5xx, an unreadable body): change nothing. */
    UNKNOWN
}
