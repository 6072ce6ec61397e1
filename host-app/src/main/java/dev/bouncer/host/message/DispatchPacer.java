package dev.bouncer.host.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Decides when the dispatcher polls next: at the end of the earliest throttle gap it saw, at
 * once when a send was accepted or finished on this node, and otherwise after the idle
 * interval (which is how sends accepted on other nodes are found).
 */
@Component
class DispatchPacer {

    private final Object monitor = new Object();
    private final Clock clock;
    private Instant soonest;
    private boolean wakeRequested;

    DispatchPacer(Clock clock) {
        this.clock = clock;
    }

    void beginCycle() {
        synchronized (monitor) {
            soonest = null;
        }
    }

    /** An instance may send at {@code due}: poll again no later than that. */
    void wakeBy(Instant due) {
        synchronized (monitor) {
            if (soonest == null || due.isBefore(soonest)) {
                soonest = due;
            }
        }
    }

    void wakeNow() {
        synchronized (monitor) {
            wakeRequested = true;
            monitor.notifyAll();
        }
    }

    /** Blocks until the next poll is due. */
    void awaitNextCycle(Duration idle) throws InterruptedException {
        synchronized (monitor) {
            Instant deadline = clock.instant().plus(idle);
            if (soonest != null && soonest.isBefore(deadline)) {
                deadline = soonest;
            }
            long waitMillis = millisUntil(deadline);
            while (!wakeRequested && waitMillis > 0) {
                monitor.wait(waitMillis);
                waitMillis = millisUntil(deadline);
            }
            wakeRequested = false;
        }
    }

    /** Rounded up, so a poll never comes a fraction of a millisecond before it is due. */
    private long millisUntil(Instant deadline) {
        return (Duration.between(clock.instant(), deadline).toNanos() + 999_999) / 1_000_000;
    }
}
