package dev.bouncer.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncer.camel.client.BouncerClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Creates or updates a contact ({@code bouncer:contacts}): the number comes from the
 * {@link BouncerConstants#TO} header or the {@code to} option, the fields to set (name, email,
 * tags, attributes) from the body, a {@code Map} or a JSON object; an empty body sets none.
 * Afterwards the body is the contact as the API returned it, and the
 * {@link BouncerConstants#CONTACT_ID}, {@link BouncerConstants#CONTACT_CREATED} and
 * {@link BouncerConstants#TO} headers say which contact it is and whether it is new.
 */
public class BouncerContactsProducer extends DefaultProducer {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BouncerEndpoint endpoint;
    private BouncerClient client;

    /** Creates the producer of a {@code bouncer:contacts} endpoint. */
    public BouncerContactsProducer(BouncerEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = endpoint.createClient();
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        Map<String, Object> contact = new LinkedHashMap<>(fields(message));
        contact.put("phone", phone(message));

        BouncerClient.Upserted upserted = client.upsertContact(contact);

        message.setBody(upserted.contact());
        message.setHeader(BouncerConstants.CONTACT_ID, upserted.contact().get("id"));
        message.setHeader(BouncerConstants.CONTACT_CREATED, upserted.created());
        message.setHeader(BouncerConstants.TO, upserted.contact().get("phone"));
    }

    // Checked here, before any network call, so a bad exchange never reaches the API.
    private String phone(Message message) {
        String header = message.getHeader(BouncerConstants.TO, String.class);
        String phone = header != null && !header.isBlank() ? header : endpoint.getConfiguration().getTo();
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("No phone number: set the to option or the "
                    + BouncerConstants.TO + " header");
        }
        return phone;
    }

    private static Map<String, Object> fields(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return Map.of();
        }
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((key, value) -> fields.put(String.valueOf(key), value));
            return fields;
        }
        String text = message.getBody(String.class);
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, FIELDS);
        } catch (JsonProcessingException notAnObject) {
            throw new IllegalArgumentException("The body of a bouncer:contacts exchange must be a Map "
                    + "or a JSON object with the contact's fields (name, email, tags, attributes)");
        }
    }
}
