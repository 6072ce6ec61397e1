package dev.bouncer.camel;

import dev.bouncer.camel.client.BouncerClient;
import dev.bouncer.camel.model.SendMessageRequest;
import dev.bouncer.camel.model.SendMessageResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Queues the exchange body as a text message ({@code bouncer:send}).
 *
 * <p>The body is left as it was, the text, so that a route can log, archive or resend it; the
 * outcome is in the {@link BouncerConstants#MESSAGE_ID}, {@link BouncerConstants#MESSAGE_STATUS}
 * and {@link BouncerConstants#TO} headers.
 */
public class BouncerSendProducer extends DefaultProducer {

    private final BouncerEndpoint endpoint;
    private BouncerClient client;

    /** Creates the producer of a {@code bouncer:send} endpoint. */
    public BouncerSendProducer(BouncerEndpoint endpoint) {
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
        SendMessageRequest request = toRequest(message);
        String idempotencyKey = message.getHeader(BouncerConstants.IDEMPOTENCY_KEY, String.class);

        SendMessageResponse accepted = client.send(request, idempotencyKey);

        message.setHeader(BouncerConstants.MESSAGE_ID, accepted.id());
        message.setHeader(BouncerConstants.MESSAGE_STATUS, accepted.status());
        message.setHeader(BouncerConstants.TO, accepted.to());
    }

    // Validated here, before any network call, so a bad exchange never reaches the API.
    private SendMessageRequest toRequest(Message message) {
        BouncerConfiguration configuration = endpoint.getConfiguration();
        String instanceId = headerOr(message, BouncerConstants.INSTANCE_ID,
                configuration.getInstanceId());
        String to = headerOr(message, BouncerConstants.TO, configuration.getTo());
        String text = message.getBody(String.class);

        require(instanceId, "No instance to send through: set the instanceId option or the "
                + BouncerConstants.INSTANCE_ID + " header");
        require(to, "No recipient: set the to option or the " + BouncerConstants.TO + " header");
        require(text, "No message text: the exchange body must hold the text to send");
        return new SendMessageRequest(instanceId, to, text);
    }

    private static String headerOr(Message message, String header, String fallback) {
        String value = message.getHeader(header, String.class);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static void require(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(problem);
        }
    }
}
