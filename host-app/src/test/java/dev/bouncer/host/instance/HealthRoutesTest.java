package dev.bouncer.host.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class HealthRoutesTest {

    @Test
    void startsARoundOfChecksEveryInterval() throws Exception {
        InstanceHealthChecks checks = mock(InstanceHealthChecks.class);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new HealthRoutes(new HealthProperties(Duration.ofMillis(100), 2), checks));
            camel.start();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> mockingDetails(checks).getInvocations().size() >= 2);
        }
        verify(checks, atLeast(2)).checkAll();
    }

    @Test
    void addsNoRouteWhenTheIntervalIsZero() throws Exception {
        InstanceHealthChecks checks = mock(InstanceHealthChecks.class);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new HealthRoutes(new HealthProperties(Duration.ZERO, 2), checks));
            camel.addRoutes(new HealthRoutes(new HealthProperties(null, 2), checks));

            assertThat(camel.getRoutes()).isEmpty();
        }
    }

    @Test
    void zeroIntervalTurnsChecksOffAndTheDefaultIsAMinute() {
        HealthProperties zero = bind(Map.of("bouncer.health.interval", "0"));
        HealthProperties unset = bind(Map.of("bouncer.health.parallelism", "2"));

        assertThat(zero.enabled()).isFalse();
        assertThat(unset.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(unset.enabled()).isTrue();
    }

    private static HealthProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("bouncer.health", HealthProperties.class);
    }

    @Test
    void refusesAnIntervalTooShortToMeanAnythingAndABadParallelism() {
        assertThatThrownBy(() -> new HealthProperties(Duration.ofMillis(10), 4))
                .hasMessageContaining("bouncer.health.interval");
        assertThatThrownBy(() -> new HealthProperties(Duration.ofSeconds(60), 0))
                .hasMessageContaining("bouncer.health.parallelism");
    }
}
