package dev.bouncer.camel;

import dev.bouncer.camel.client.BouncerClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Sends WhatsApp messages through a Bouncer host app, one endpoint per operation. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bouncer", title = "Bouncer",
        syntax = "bouncer:operation", producerOnly = true,
        category = { Category.CHAT, Category.API }, headersClass = BouncerConstants.class)
public class BouncerEndpoint extends DefaultEndpoint {

    @UriPath(description = "What the endpoint does: send queues the exchange body as a text "
            + "message; contacts creates or updates the contact for the number, with the body's "
            + "fields.")
    @Metadata(required = true)
    private final BouncerOperation operation;

    @UriParam
    private final BouncerConfiguration configuration;

    /** Creates an endpoint; the component passes it a copy of its own configuration. */
    public BouncerEndpoint(String uri, BouncerComponent component, BouncerOperation operation,
            BouncerConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return switch (operation) {
            case send -> new BouncerSendProducer(this);
            case contacts -> new BouncerContactsProducer(this);
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The bouncer component only produces: use bouncer:"
                + operation + " in to(), not from()");
    }

    /** Creates an API client from this endpoint's options. */
    BouncerClient createClient() {
        return new BouncerClient(configuration.baseUri(), configuration.getApiKey(),
                configuration.getConnectTimeout(), configuration.getRequestTimeout());
    }

    public BouncerOperation getOperation() {
        return operation;
    }

    public BouncerConfiguration getConfiguration() {
        return configuration;
    }

    // The endpoint URI may hold the key; the configuration's toString masks it.
    @Override
    public String toString() {
        return "BouncerEndpoint[bouncer:" + operation + ", " + configuration + "]";
    }
}
