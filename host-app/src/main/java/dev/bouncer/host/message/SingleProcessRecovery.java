package dev.bouncer.host.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On the embedded H2 database only this process can be sending, so a message still marked
 * {@code sending} at start-up was cut off by the previous run: it goes back in the queue at
 * once instead of after the attempt lease. Shared databases keep waiting for the lease, since
 * another node may still be sending.
 */
@Component
class SingleProcessRecovery implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SingleProcessRecovery.class);

    private final DataSource dataSource;
    private final OutboxService outbox;

    SingleProcessRecovery(DataSource dataSource, OutboxService outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!isEmbeddedH2()) {
            return;
        }
        int requeued = outbox.requeueAbandoned(Duration.ZERO);
        if (requeued > 0) {
            log.info("Put {} message(s) back in the queue that were being sent when the previous "
                    + "run stopped", requeued);
        }
    }

    /** H2 in embedded mode; not its server or auto-server modes, which other processes share. */
    private boolean isEmbeddedH2() {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL().toLowerCase(Locale.ROOT);
            return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                    && !url.startsWith("jdbc:h2:ssl:") && !url.contains("auto_server=true");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database URL", e);
        }
    }
}
