package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Options set once on the component, the way Camel Main and Spring Boot apps set them. */
class BouncerComponentOptionsTest {

    private final FakeBouncerApi api = FakeBouncerApi.start();
    private final Main main = new Main();

    @AfterEach
    void stop() {
        main.stop();
        api.close();
    }

    @Test
    void componentPropertiesApplyToEveryEndpoint() throws Exception {
        main.addInitialProperty("camel.component.bouncer.api-key", BouncerTestSupport.KEY);
        main.addInitialProperty("camel.component.bouncer.base-url", api.baseUrl());
        main.addInitialProperty("camel.component.bouncer.instance-id", "ins_1");
        main.addInitialProperty("camel.component.bouncer.request-timeout", "5s");
        main.start();
        api.answerQueued("msg_1", "+4915112345678");

        Exchange result = main.getCamelTemplate().send("bouncer:send?to=015112345678",
                exchange -> exchange.getMessage().setBody("Hi"));

        assertThat(result.getException()).isNull();
        assertThat(api.onlyRequest().header("Authorization"))
                .isEqualTo("Bearer " + BouncerTestSupport.KEY);
        BouncerEndpoint endpoint = main.getCamelContext()
                .getEndpoint("bouncer:send?to=015112345678", BouncerEndpoint.class);
        assertThat(endpoint.getConfiguration().getRequestTimeout())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void endpointOptionsOverrideComponentOptionsWithoutChangingThem() {
        main.addInitialProperty("camel.component.bouncer.api-key", BouncerTestSupport.KEY);
        main.addInitialProperty("camel.component.bouncer.instance-id", "ins_shared");
        main.start();

        BouncerEndpoint endpoint = main.getCamelContext().getEndpoint(
                "bouncer:send?instanceId=ins_own&connectTimeout=2s", BouncerEndpoint.class);

        assertThat(endpoint.getConfiguration().getInstanceId()).isEqualTo("ins_own");
        assertThat(endpoint.getConfiguration().getConnectTimeout())
                .isEqualTo(Duration.ofSeconds(2));
        BouncerComponent component = main.getCamelContext()
                .getComponent("bouncer", BouncerComponent.class);
        assertThat(component.getConfiguration().getInstanceId()).isEqualTo("ins_shared");
    }
}
