package dev.bouncer.host.instance;

import dev.bouncer.host.provider.ConnectionCheck;
import dev.bouncer.host.provider.ProviderConnectors;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks each live instance's provider whether its number is connected, because providers are
 * known to go silent instead of sending a disconnect webhook. A check calls the provider
 * outside any transaction, then applies what it saw under the instance's lock; a change
 * records an {@code instance.status} event, and a move back to connected resumes the queue.
 */
@Component
public class InstanceHealthChecks {

    private static final Logger log = LoggerFactory.getLogger(InstanceHealthChecks.class);

    private final InstanceService instances;
    private final ProviderConnectors connectors;
    private final ExecutorService workers;
    /** Instances whose check is still running: a slow provider is not asked twice at once. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    InstanceHealthChecks(InstanceService instances, ProviderConnectors connectors,
            HealthProperties properties) {
        this.instances = instances;
        this.connectors = connectors;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(properties.parallelism(),
                runnable -> daemon(runnable, "bouncer-health-" + count.incrementAndGet()));
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Starts a check of every live instance on the bounded pool and returns without waiting,
     * so a provider that hangs until its timeout delays neither the next round nor the other
     * instances. An instance whose previous check is still running is skipped.
     *
     * @return completes when every check started by this round has finished
     */
    public CompletableFuture<Void> checkAll() {
        List<CompletableFuture<Void>> started = instances.idsToCheck().stream()
                .filter(inFlight::add)
                .map(id -> CompletableFuture.runAsync(() -> checkSafely(id), workers)
                        .whenComplete((done, failure) -> inFlight.remove(id)))
                .toList();
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    private void checkSafely(String instanceId) {
        try {
            check(instanceId);
        } catch (RuntimeException e) {
            // One instance's trouble (a stored config that no longer decrypts) must not stop
            // the others; the exception's class is enough, its message could quote a value.
            log.warn("Health check of instance {} failed: {}", instanceId, e.getClass().getSimpleName());
        }
    }

    /**
     * Checks one instance now, on the caller's thread.
     *
     * @return what the provider reported; empty when the instance no longer exists
     */
    public Optional<ConnectionCheck> check(String instanceId) {
        Optional<InstanceService.CheckTarget> target = instances.checkTarget(instanceId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        ConnectionCheck check = connectors.get(target.get().provider())
                .checkConnection(target.get().config());
        log.debug("Health check of instance {}: {} ({})", instanceId, check.state(), check.detail());
        if (check.isKnown()) {
            instances.applyCheck(instanceId, statusOf(check), check.detail());
        }
        return Optional.of(check);
    }

    private static InstanceStatus statusOf(ConnectionCheck check) {
        return switch (check.state()) {
            case CONNECTED -> InstanceStatus.CONNECTED;
            case CONNECTING -> InstanceStatus.CONNECTING;
            case QR_REQUIRED -> InstanceStatus.QR_REQUIRED;
            case DISCONNECTED -> InstanceStatus.DISCONNECTED;
            case BLOCKED -> InstanceStatus.BLOCKED;
            case UNKNOWN -> throw new IllegalArgumentException("An unknown state changes nothing");
        };
    }

    /** Checks in flight are abandoned: they change nothing that the next start cannot redo. */
    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
