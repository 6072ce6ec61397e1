package dev.bouncer.host.instance;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The health poll in Camel: a timer that starts a round of {@link InstanceHealthChecks} every
 * {@code bouncer.health.interval}. The round only hands the checks to their pool, so the
 * timer never waits for a slow provider.
 */
@Component
class HealthRoutes extends RouteBuilder {

    static final String ROUTE_ID = "instance-health";
    private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);

    private final HealthProperties properties;
    private final InstanceHealthChecks checks;

    HealthRoutes(HealthProperties properties, InstanceHealthChecks checks) {
        this.properties = properties;
        this.checks = checks;
    }

    @Override
    public void configure() {
        if (!properties.enabled()) {
            log.info("Instance health checks are off (bouncer.health.interval is 0)");
            return;
        }
        long period = properties.interval().toMillis();
        from("timer:" + ROUTE_ID + "?period=" + period + "&delay=" + period)
                .routeId(ROUTE_ID)
                .process(exchange -> checks.checkAll());
    }
}
