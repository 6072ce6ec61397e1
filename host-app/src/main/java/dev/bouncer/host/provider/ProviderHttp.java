package dev.bouncer.host.provider;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.springframework.stereotype.Component;

/**
 * The one way connectors reach providers: a Camel HTTP producer on a component of its own, so
 * provider timeouts are set in one place and do not change the {@code http} component that
 * YAML pipelines use. Failures to connect come back as a status of 0.
 */
@Component
class ProviderHttp {

    static final String COMPONENT = "provider-http";

    private final ProducerTemplate camel;
    // The target URL is set per request through CamelHttpUri; this host is never called.
    private final String endpointUri = COMPONENT + "://provider?throwExceptionOnFailure=false";

    ProviderHttp(CamelContext context, ProducerTemplate camel, ProviderProperties properties,
            Clock clock) {
        this.camel = camel;
        context.addComponent(COMPONENT, component(properties, clock));
        // Built now, not on the first send: creating the endpoint builds the HTTP client, which
        // would otherwise delay the first provider call of a node after its throttle slot.
        context.getEndpoint(endpointUri);
    }

    private static HttpComponent component(ProviderProperties properties, Clock clock) {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(properties.connectTimeout().toMillis());
        http.setResponseTimeout(properties.responseTimeout().toMillis());
        http.setSoTimeout(properties.responseTimeout().toMillis());
        // A silent client-side retry could deliver a WhatsApp message twice, and a retry of a 429
        // would hide its Retry-After from the queue, which decides. Set on the client builder
        // itself, where no component configuration can turn it back on.
        http.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries()
                .disableRedirectHandling().disableCookieManagement()
                .setRequestExecutor(new StartRecordingExecutor(clock)));
        return http;
    }

    /** Posts a JSON body; the headers may carry credentials and are never logged. */
    Reply postJson(String url, Map<String, String> headers, String json) {
        return exchange("POST", url, headers, json);
    }

    /** A GET without a body, for status checks; the headers are never logged. */
    Reply get(String url, Map<String, String> headers) {
        return exchange("GET", url, headers, null);
    }

    private Reply exchange(String method, String url, Map<String, String> headers, String json) {
        Exchange result = camel.send(endpointUri, exchange -> {
            exchange.getIn().setHeader(Exchange.HTTP_METHOD, method);
            exchange.getIn().setHeader(Exchange.HTTP_URI, url);
            if (json != null) {
                exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
            }
            headers.forEach(exchange.getIn()::setHeader);
            exchange.getIn().setBody(json);
        });
        if (result.getException() != null) {
            return Reply.unreachable(result.getException());
        }
        Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = result.getMessage().getBody(String.class);
        String retryAfter = result.getMessage().getHeader("Retry-After", String.class);
        return new Reply(status == null ? 0 : status, body == null ? "" : body, retryAfter, null);
    }

    /** Records when each request is written to its (open) connection. */
    private static final class StartRecordingExecutor extends HttpRequestExecutor {

        private final Clock clock;

        StartRecordingExecutor(Clock clock) {
            this.clock = clock;
        }

        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection connection,
                HttpResponseInformationCallback informationCallback, HttpContext context)
                throws IOException, HttpException {
            ProviderRequests.started(clock.instant());
            return super.execute(request, connection, informationCallback, context);
        }
    }

    /**
     * A provider's answer.
     *
     * @param status HTTP status, 0 when no answer came (connection refused, timeout)
     * @param failure what went wrong when {@code status} is 0, without any request data
     */
    record Reply(int status, String body, String retryAfter, String failure) {

        static Reply unreachable(Exception cause) {
            return new Reply(0, "", null, cause.getClass().getSimpleName());
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** The request went out but no answer came in time: the provider may have acted on it. */
        boolean timedOut() {
            return status == 0 && "SocketTimeoutException".equals(failure);
        }
    }
}
