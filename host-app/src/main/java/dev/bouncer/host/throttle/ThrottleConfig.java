package dev.bouncer.host.throttle;

import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The randomness behind gaps, cooldowns and backoff jitter, replaceable by a seeded one. */
@Configuration(proxyBeanMethods = false)
class ThrottleConfig {

    /** {@link Random} because several dispatcher threads draw from it; it is thread-safe. */
    @Bean
    @ConditionalOnMissingBean
    RandomGenerator dispatchRandom() {
        return new Random();
    }
}
