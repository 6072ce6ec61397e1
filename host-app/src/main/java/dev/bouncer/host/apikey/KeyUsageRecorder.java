package dev.bouncer.host.apikey;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code lastUsedAt} without a database write per request: each node remembers the latest
 * use of every key in memory and writes them in batches, every
 * {@code bouncer.keys.last-used-flush-interval} (see {@link KeyRoutes}) and once more at shutdown.
 * The write only moves a time forward, so nodes flushing in any order never set it back.
 */
@Component
class KeyUsageRecorder {

    private static final Logger log = LoggerFactory.getLogger(KeyUsageRecorder.class);
    /** Keys per transaction: bounds how long one flush holds row locks. */
    private static final int BATCH_SIZE = 500;

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;
    private final TransactionTemplate transactions;

    KeyUsageRecorder(ApiKeyRepository keys, TransactionTemplate transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    void record(String keyId, Instant usedAt) {
        pending.merge(keyId, usedAt, (known, added) -> added.isAfter(known) ? added : known);
    }

    /**
     * Writes every use recorded so far and forgets it. Uses that could not be written are kept
     * for the next flush. Returns the number of keys whose time was sent to the database.
     */
    int flush() {
        List<Map.Entry<String, Instant>> uses = drain();
        int written = 0;
        for (int from = 0; from < uses.size(); from += BATCH_SIZE) {
            List<Map.Entry<String, Instant>> batch =
                    uses.subList(from, Math.min(uses.size(), from + BATCH_SIZE));
            written += write(batch);
        }
        if (written > 0) {
            log.debug("Wrote the last-used time of {} key(s)", written);
        }
        return written;
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    private int write(List<Map.Entry<String, Instant>> batch) {
        try {
            transactions.executeWithoutResult(status ->
                    batch.forEach(use -> keys.recordUse(use.getKey(), use.getValue())));
            return batch.size();
        } catch (RuntimeException failure) {
            batch.forEach(use -> record(use.getKey(), use.getValue()));
            log.warn("Could not write the last-used time of {} key(s); trying again at the next "
                    + "flush", batch.size(), failure);
            return 0;
        }
    }

    private List<Map.Entry<String, Instant>> drain() {
        List<Map.Entry<String, Instant>> uses = new ArrayList<>();
        for (String keyId : pending.keySet()) {
            Instant usedAt = pending.remove(keyId);
            if (usedAt != null) {
                uses.add(Map.entry(keyId, usedAt));
            }
        }
        return uses;
    }
}
