package dev.bouncer.host.message;

import dev.bouncer.host.common.Environment;
import dev.bouncer.host.provider.ProviderConnector;
import dev.bouncer.host.provider.ProviderConnectors;
import dev.bouncer.host.provider.ProviderRequests;
import dev.bouncer.host.provider.ProviderType;
import dev.bouncer.host.provider.SendOutcome;
import dev.bouncer.host.provider.SendOutcome.FailureKind;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Sends the next message of an instance: claims it (in the poller thread, under the instance's
 * row lock), then calls the connector and records the outcome on a worker, so one slow
 * provider does not hold back the other instances.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int SHUTDOWN_WAIT_SECONDS = 10;

    private final OutboxService outbox;
    private final ProviderConnectors connectors;
    private final DispatchPacer pacer;
    private final Clock clock;
    private final ThreadPoolExecutor workers;

    Dispatcher(OutboxService outbox, ProviderConnectors connectors, DispatchPacer pacer,
            DispatchProperties properties, Clock clock) {
        this.outbox = outbox;
        this.connectors = connectors;
        this.pacer = pacer;
        this.clock = clock;
        this.workers = workerPool(properties.workers());
    }

    /** Called by the outbox route for each connected instance that has queued messages. */
    void dispatchNext(String instanceId) {
        Claim claim;
        try {
            claim = outbox.claimNext(instanceId);
        } catch (ConcurrencyFailureException contended) {
            log.debug("Claim on instance {} contended; retrying on the next poll", instanceId);
            pacer.wakeNow();
            return;
        }
        if (claim.notBefore() != null) {
            pacer.wakeBy(claim.notBefore());
        }
        claim.sendJob().ifPresent(job -> workers.execute(() -> sendAndRecord(job)));
    }

    private void sendAndRecord(SendJob job) {
        try {
            ProviderConnector connector = connectors.get(job.provider());
            waitForSlot(job.startAt());
            ProviderRequests.reset();
            Instant callStart = clock.instant();
            SendOutcome outcome = send(connector, job);
            Instant onTheWire = ProviderRequests.takeStart().orElse(callStart);
            outbox.recordOutcome(job, outcome, onTheWire);
            log.debug("Message {} via {}: {}", job.messageId(), connector.type().wire(), outcome);
            if (outcome instanceof SendOutcome.Sent && connector.simulatesDelivery()) {
                outbox.recordDelivered(job.messageId(), "simulated by the sandbox");
            }
        } catch (RuntimeException e) {
            // The message stays 'sending'; the recovery route requeues it after the lease.
            log.warn("Recording the outcome of message {} failed", job.messageId(), e);
        } finally {
            pacer.wakeNow();
        }
    }

    /** Waits out the few milliseconds between a claim and its slot (see CLAIM_LEAD). */
    private void waitForSlot(Instant startAt) {
        try {
            for (Duration left = Duration.between(clock.instant(), startAt); left.toNanos() > 0;
                    left = Duration.between(clock.instant(), startAt)) {
                // Rounded up: starting early, even by a fraction of a millisecond, would cut a gap.
                Thread.sleep((left.toNanos() + 999_999) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SendOutcome send(ProviderConnector connector, SendJob job) {
        if (job.environment() == Environment.TEST && connector.type() != ProviderType.SANDBOX) {
            // Registration already prevents this; the check keeps test keys away from WhatsApp
            // even if stored data were changed by hand.
            return new SendOutcome.Failed(FailureKind.PERMANENT, "test_environment",
                    "Test messages are only ever sent through the sandbox.");
        }
        try {
            return connector.send(job.config(), job.message());
        } catch (RuntimeException unexpected) {
            log.warn("Connector {} failed on message {}: {}", connector.type().wire(),
                    job.messageId(), unexpected.getClass().getSimpleName());
            return new SendOutcome.Failed(FailureKind.RETRYABLE, "connector_error",
                    "The connector failed unexpectedly.");
        }
    }

    /** A bounded pool; when it is full the poller sends itself, which slows polling down. */
    private static ThreadPoolExecutor workerPool(int size) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(size * 4),
                runnable -> new Thread(runnable, "bouncer-send-" + count.incrementAndGet()),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Lets sends in flight record their outcome, so a normal stop never leaves one unknown. */
    @PreDestroy
    void finishInFlightSends() throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("Stopped with sends still in flight; they will be requeued after the lease");
            workers.shutdownNow();
        }
    }
}
