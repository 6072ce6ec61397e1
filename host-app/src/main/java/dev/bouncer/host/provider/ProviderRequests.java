package dev.bouncer.host.provider;

import java.time.Instant;
import java.util.Optional;

/**
 * When the current thread's provider request went on the wire: after the connection was open
 * (and TLS negotiated), as the request was written. The throttle counts gaps from this moment,
 * since the first call of a connection can spend a long time before it, and counting from
 * before would let the next send reach the provider early.
 */
public final class ProviderRequests {

    private static final ThreadLocal<Instant> LAST_START = new ThreadLocal<>();

    private ProviderRequests() {
    }

    static void started(Instant at) {
        LAST_START.set(at);
    }

    /** Forgets what an earlier call on this thread recorded. */
    public static void reset() {
        LAST_START.remove();
    }

    /** The start recorded since {@link #reset()}, if a request went out; then forgets it. */
    public static Optional<Instant> takeStart() {
        Instant start = LAST_START.get();
        LAST_START.remove();
        return Optional.ofNullable(start);
    }
}
