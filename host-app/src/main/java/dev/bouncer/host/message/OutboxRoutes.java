package dev.bouncer.host.message;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The send pipeline in Camel. A JPA consumer polls the outbox for connected instances with
 * queued messages and hands each to the {@link Dispatcher}; it neither locks nor deletes rows,
 * because the claim under the instance's row lock decides what is sent. Its poll scheduler is
 * the {@link PacedScheduler}, so polls follow throttle gaps. A timer requeues messages whose
 * attempt was cut off (a crash) and expires those past their time to live.
 */
@Component
class OutboxRoutes extends RouteBuilder {

    static final String SCHEDULER_BEAN = "outboxScheduler";
    private static final Logger log = LoggerFactory.getLogger(OutboxRoutes.class);
    private static final long MIN_MAINTENANCE_PERIOD_MILLIS = 1000;
    private static final int MAX_INSTANCES_PER_POLL = 1000;

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
                + "?namedQuery=" + OutboxMessage.INSTANCES_WITH_QUEUE
                + "&consumeDelete=false&consumeLockEntity=false"
                + "&maxMessagesPerPoll=" + MAX_INSTANCES_PER_POLL
                + "&scheduler=#" + SCHEDULER_BEAN)
                .routeId("outbox-dispatcher")
                .process(exchange -> dispatcher.dispatchNext(exchange.getIn().getBody(String.class)));

        long period = Math.max(MIN_MAINTENANCE_PERIOD_MILLIS, properties.attemptLease().toMillis() / 4);
        from("timer:outbox-maintenance?period=" + period)
                .routeId("outbox-maintenance")
                .process(exchange -> maintain());
    }

    private void maintain() {
        int requeued = outbox.requeueAbandoned(properties.attemptLease());
        if (requeued > 0) {
            log.info("Put {} message(s) back in the queue after an interrupted attempt", requeued);
        }
        int expired = outbox.expireStale();
        if (expired > 0) {
            log.info("Expired {} message(s) queued longer than {}", expired, properties.messageTtl());
        }
    }
}
