package dev.bouncer.host.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bouncer.camel.BouncerApiException;
import dev.bouncer.camel.BouncerConstants;
import dev.bouncer.host.support.HostAppIT;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Camel component ({@code bouncer:send}, {@code bouncer:contacts}) against the real host app over HTTP. */
class ComponentAgainstHostAppIT extends HostAppIT {

    @Autowired
    private ProducerTemplate camel;

    @Test
    void bouncerSendQueuesTheBodyAndSetsTheMessageHeaders() {
        String key = createKey("test", "message:send", "instance:read");
        String instanceId = sandboxInstanceId(key);

        Exchange result = camel.send(endpoint(key, instanceId), exchange -> {
            exchange.getIn().setBody("Sent from a Camel route ✅");
            exchange.getIn().setHeader(BouncerConstants.TO, "+49 151 1234 5678");
        });

        assertThat(result.getException()).isNull();
        String messageId = result.getMessage().getHeader(BouncerConstants.MESSAGE_ID, String.class);
        assertThat(messageId).startsWith("msg_");
        assertThat(result.getMessage().getHeader(BouncerConstants.MESSAGE_STATUS)).isEqualTo("queued");
        assertThat(result.getMessage().getHeader(BouncerConstants.TO)).isEqualTo("+4915112345678");
        assertThat(awaitStatus(key, messageId, "delivered").path("message").asText())
                .isEqualTo("Sent from a Camel route ✅");
    }

    @Test
    void bouncerSendRaisesTheApisProblemAsTypedException() {
        String key = createKey("test", "message:send", "instance:read");

        Exchange result = camel.send(endpoint(key, "ins_doesnotexist"), exchange -> {
            exchange.getIn().setBody("Hello");
            exchange.getIn().setHeader(BouncerConstants.TO, "+15550100020");
        });

        assertThat(result.getException()).isInstanceOf(BouncerApiException.class);
        BouncerApiException problem = (BouncerApiException) result.getException();
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getCode()).isEqualTo("not_found");
    }

    @Test
    void bouncerContactsCreatesThenUpdatesTheContactForTheNumber() {
        String key = createKey("test", "contact:write");
        String uri = "bouncer:contacts?apiKey=RAW(" + key + ")&baseUrl=http://localhost:" + port;

        Exchange created = camel.send(uri, exchange -> {
            exchange.getIn().setBody(Map.of("name", "Ana Lima", "tags", List.of("vip")));
            exchange.getIn().setHeader(BouncerConstants.TO, "+49 151 2000 0001");
        });
        Exchange updated = camel.send(uri, exchange -> {
            exchange.getIn().setBody("{\"email\":\"ana@example.com\"}");
            exchange.getIn().setHeader(BouncerConstants.TO, "4915120000001@s.whatsapp.net");
        });

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader(BouncerConstants.CONTACT_CREATED)).isEqualTo(true);
        assertThat(created.getMessage().getHeader(BouncerConstants.TO)).isEqualTo("+4915120000001");
        assertThat(updated.getException()).isNull();
        assertThat(updated.getMessage().getHeader(BouncerConstants.CONTACT_CREATED)).isEqualTo(false);
        assertThat(updated.getMessage().getHeader(BouncerConstants.CONTACT_ID))
                .isEqualTo(created.getMessage().getHeader(BouncerConstants.CONTACT_ID));
        assertThat(updated.getMessage().getBody(Map.class))
                .containsEntry("name", "Ana Lima").containsEntry("email", "ana@example.com");
    }

    private String endpoint(String key, String instanceId) {
        return "bouncer:send?apiKey=RAW(" + key + ")&baseUrl=http://localhost:" + port
                + "&instanceId=" + instanceId;
    }
}
