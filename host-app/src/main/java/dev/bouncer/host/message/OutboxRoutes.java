package dev.bouncer.host.message;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The send pipeline in Camel. A JPA consumer polls the outbox for queued messages in FIFO order
 * and hands each id to the {@link Dispatcher}; it neither locks nor deletes rows, because the
 * claim (a versioned update) decides which dispatcher sends a message. A timer puts back
 * messages whose attempt was cut off, for example by a crash.
 */
@Component
class OutboxRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(OutboxRoutes.class);
    private static final long MIN_RECOVERY_PERIOD_MILLIS = 1000;

    private final DispatchProperties properties;
    private final Dispatcher dispatcher;
    private final OutboxService outbox;

    OutboxRoutes(DispatchProperties properties, Dispatcher dispatcher, OutboxService outbox) {
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
    }

    @Override
    public void configure() {
        from("jpa:" + OutboxMessage.class.getName()
                + "?namedQuery=" + OutboxMessage.DUE_QUERY
                + "&consumeDelete=false&consumeLockEntity=false"
                + "&maxMessagesPerPoll=" + properties.batchSize()
                + "&delay=" + properties.pollInterval().toMillis())
                .routeId("outbox-dispatcher")
                .process(exchange -> dispatcher.dispatch(
                        exchange.getIn().getBody(OutboxMessage.class).getId()));

        long recoveryPeriod = Math.max(MIN_RECOVERY_PERIOD_MILLIS,
                properties.attemptLease().toMillis() / 4);
        from("timer:outbox-recovery?period=" + recoveryPeriod)
                .routeId("outbox-recovery")
                .process(exchange -> requeueAbandoned());
    }

    private void requeueAbandoned() {
        int requeued = outbox.requeueAbandoned(properties.attemptLease());
        if (requeued > 0) {
            log.info("Put {} message(s) back in the queue after an interrupted attempt", requeued);
        }
    }
}
