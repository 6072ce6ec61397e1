package dev.bouncer.host.inbound;

import dev.bouncer.host.message.ReceiptService;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies stored provider webhooks in Camel. A timer polls for due events and applies each in
 * its own transaction; a failure is recorded on that event alone and never stops the batch.
 * A slower timer applies parked receipts whose send has landed and forgets stale ones.
 */
@Component
class InboundRoutes extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(InboundRoutes.class);
    private static final long MAINTENANCE_PERIOD_MILLIS = 60_000;

    private final InboundProperties properties;
    private final InboundProcessor processor;
    private final ReceiptService receipts;

    InboundRoutes(InboundProperties properties, InboundProcessor processor, ReceiptService receipts) {
        this.properties = properties;
        this.processor = processor;
        this.receipts = receipts;
    }

    @Override
    public void configure() {
        from("timer:inbound-events?delay=0&period=" + properties.pollInterval().toMillis())
                .routeId("inbound-events")
                .process(exchange -> processDue());

        from("timer:inbound-maintenance?period=" + MAINTENANCE_PERIOD_MILLIS)
                .routeId("inbound-maintenance")
                .process(exchange -> maintain());
    }

    void processDue() {
        for (String eventId : processor.due()) {
            try {
                processor.process(eventId);
            } catch (RuntimeException failure) {
                processor.attemptFailed(eventId, failure);
            }
        }
    }

    private void maintain() {
        receipts.messagesWithParkedReceipts().forEach(messageId -> {
            try {
                receipts.applyParked(messageId);
            } catch (RuntimeException e) {
                log.warn("Parked receipts of message {} stay parked: {}", messageId,
                        e.getClass().getSimpleName());
            }
        });
        int forgotten = receipts.forgetParkedOlderThan(properties.parkedReceiptTtl());
        if (forgotten > 0) {
            log.info("Forgot {} receipt(s) that waited longer than {} for a send Bouncer made",
                    forgotten, properties.parkedReceiptTtl());
        }
    }
}
