package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bouncer.host.support.HostAppIT;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The repository's routes/sandbox-hello.yaml is loaded at start-up and sends through the sandbox. */
class SandboxHelloPipelineIT extends HostAppIT {

    @Autowired
    private CamelContext camel;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void yamlPipelineFromTheRoutesFolderRunsAndItsMessageIsDelivered() {
        assertThat(camel.getRoute("sandbox-hello")).isNotNull();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> statuses = jdbc.queryForList("select m.status from outbox_message m"
                    + " join instance i on i.id = m.instance_id"
                    + " where i.provider = 'sandbox' and m.body like 'Hello from routes/sandbox-hello.yaml%'",
                    String.class);
            assertThat(statuses).containsExactly("delivered");
        });
    }
}
