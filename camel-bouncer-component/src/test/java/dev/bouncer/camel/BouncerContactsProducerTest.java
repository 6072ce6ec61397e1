package dev.bouncer.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.junit.jupiter.api.Test;

class BouncerContactsProducerTest extends BouncerTestSupport {

    private static final String CONTACT = "{\"id\":\"ct_1\",\"phone\":\"+4915112345678\",\"name\":\"Ana\","
            + "\"email\":null,\"tags\":[\"vip\"],\"attributes\":{},\"createdAt\":\"2026-12-03T21:00:00Z\","
            + "\"updatedAt\":\"2026-12-03T21:00:00Z\"}";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void upsertsThePhoneWithTheBodysFieldsAndAnswersTheContact() throws Exception {
        api.answer(201, "application/json", CONTACT, Map.of());

        Exchange result = send(contactsUri(), Map.of("name", "Ana", "tags", List.of("vip")),
                Map.of(BouncerConstants.TO, "0151 12345678"));

        assertThat(result.getException()).isNull();
        assertThat(api.onlyRequest().path()).isEqualTo("/api/v1/contacts");
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(json.readTree(api.onlyRequest().body())).isEqualTo(
                json.readTree("{\"name\":\"Ana\",\"tags\":[\"vip\"],\"phone\":\"0151 12345678\"}"));
        Message out = result.getMessage();
        assertThat(out.getHeader(BouncerConstants.CONTACT_ID)).isEqualTo("ct_1");
        assertThat(out.getHeader(BouncerConstants.CONTACT_CREATED)).isEqualTo(true);
        assertThat(out.getHeader(BouncerConstants.TO)).isEqualTo("+4915112345678");
        assertThat(out.getBody(Map.class)).containsEntry("name", "Ana");
    }

    @Test
    void anExistingNumberIsAnUpdateAndAJsonBodyWorksToo() {
        api.answer(200, "application/json", CONTACT, Map.of());

        Exchange result = send(contactsUri() + "&to=%2B4915112345678", "{\"email\":\"ana@example.com\"}");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(BouncerConstants.CONTACT_CREATED)).isEqualTo(false);
        assertThat(api.onlyRequest().body()).contains("\"email\":\"ana@example.com\"");
    }

    @Test
    void withoutANumberOrWithABodyThatIsNoObjectNothingIsSent() {
        Exchange noNumber = send(contactsUri(), Map.of("name", "Ana"));
        Exchange notAnObject = send(contactsUri() + "&to=%2B4915112345678", "just text");

        assertThat(noNumber.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BouncerConstants.TO);
        assertThat(notAnObject.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void theApisRefusalIsATypedException() {
        api.answerProblem(422, "{\"type\":\"about:blank\",\"title\":\"Unprocessable Entity\",\"status\":422,"
                + "\"code\":\"validation_failed\",\"detail\":\"1 field is invalid: phone.\","
                + "\"errors\":[{\"field\":\"phone\",\"message\":\"is not a phone number\"}]}", Map.of());

        Exchange result = send(contactsUri() + "&to=abc", null);

        assertThat(result.getException()).isInstanceOf(BouncerApiException.class);
        assertThat(((BouncerApiException) result.getException()).getCode()).isEqualTo("validation_failed");
    }

    private String contactsUri() {
        return "bouncer:contacts?apiKey=" + KEY;
    }
}
