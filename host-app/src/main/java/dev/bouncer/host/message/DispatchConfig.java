package dev.bouncer.host.message;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the paced poll scheduler under the name the outbox consumer's URI refers to. */
@Configuration(proxyBeanMethods = false)
class DispatchConfig {

    @Bean(OutboxRoutes.SCHEDULER_BEAN)
    PacedScheduler outboxScheduler(DispatchPacer pacer, DispatchProperties properties) {
        return new PacedScheduler(pacer, properties.pollInterval());
    }
}
