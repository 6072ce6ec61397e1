package dev.bouncer.host.apikey;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** A timer that writes the keys' last-used times every {@code last-used-flush-interval}. */
@Component
class KeyRoutes extends RouteBuilder {

    private final KeyProperties properties;
    private final KeyUsageRecorder usage;

    KeyRoutes(KeyProperties properties, KeyUsageRecorder usage) {
        this.properties = properties;
        this.usage = usage;
    }

    @Override
    public void configure() {
        long period = properties.lastUsedFlushInterval().toMillis();
        // The first flush waits a full period too: right after start-up there is nothing to write.
        from("timer:api-key-last-used?period=" + period + "&delay=" + period)
                .routeId("api-key-last-used")
                .process(exchange -> usage.flush());
    }
}
