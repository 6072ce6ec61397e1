package dev.bouncer.camel;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** Creates {@code bouncer:operation} endpoints that call the Bouncer REST API. */
@Component("bouncer")
public class BouncerComponent extends DefaultComponent {

    @Metadata(description = "Options shared by all bouncer endpoints; each endpoint starts from a "
            + "copy and its URI options override them.")
    private BouncerConfiguration configuration = new BouncerConfiguration();

    public BouncerComponent() {
    }

    public BouncerComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        BouncerOperation operation = BouncerOperation.fromUriValue(remaining);
        BouncerConfiguration endpointConfiguration = configuration != null
                ? configuration.copy()
                : new BouncerConfiguration();
        BouncerEndpoint endpoint = new BouncerEndpoint(uri, this, operation, endpointConfiguration);

        setProperties(endpoint, parameters);
        endpointConfiguration.validate();
        return endpoint;
    }

    public BouncerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BouncerConfiguration configuration) {
        this.configuration = configuration;
    }
}
