package dev.bouncer.camel;

import dev.bouncer.camel.client.ApiKeyChecksum;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of a bouncer endpoint, also settable once on the component for all its endpoints. */
@UriParams
public class BouncerConfiguration implements Cloneable {

    // Only the shape is checked here; whether the key exists and may send is the API's call.
    private static final Pattern API_KEY = Pattern.compile("bnc_(live|test)_[A-Za-z0-9]+");
    private static final String KEY_SHAPE =
            "a Bouncer API key is bnc_live_ or bnc_test_ followed by 46 letters and digits";

    @UriParam(label = "security", secret = true,
            description = "The Bouncer API key (bnc_live_... or bnc_test_...), sent as a Bearer "
                    + "token. A test key only reaches the sandbox provider.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(defaultValue = "http://localhost:8080",
            description = "Base URL of the Bouncer host app; the API paths (/api/v1/...) are "
                    + "appended to it.")
    private String baseUrl = "http://localhost:8080";

    @UriParam(label = "producer",
            description = "The instance (connected number) to send through, e.g. ins_123. Required "
                    + "for send unless the CamelBouncerInstanceId header is set, which wins.")
    private String instanceId;

    @UriParam(label = "producer",
            description = "The recipient: a phone number, best in E.164 form (plus sign, country "
                    + "code, number). The CamelBouncerTo header wins over this option.")
    private String to;

    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
            description = "How long to wait for the TCP (and TLS) connection to the API.")
    private Duration connectTimeout = Duration.ofSeconds(10);

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
            description = "How long to wait for the API's answer to one request.")
    private Duration requestTimeout = Duration.ofSeconds(30);

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** Returns the base URL as a URI; call {@link #validate()} first. */
    public URI baseUri() {
        return URI.create(baseUrl);
    }

    /**
     * Checks the options every operation needs, so a bad endpoint fails when it is created
     * rather than on its first message.
     *
     * @throws IllegalArgumentException naming the bad option, never echoing the key
     */
    public void validate() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("The apiKey option is required: " + KEY_SHAPE);
        }
        if (!API_KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("The apiKey option is malformed: " + KEY_SHAPE);
        }
        if (!ApiKeyChecksum.isIntact(apiKey)) {
            throw new IllegalArgumentException("The apiKey option fails its checksum: it was "
                    + "mistyped or cut short; copy the whole key from Developer settings again");
        }
        validateBaseUrl();
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
    }

    private void validateBaseUrl() {
        String problem = "The baseUrl option must be an absolute http or https URL, was: "
                + baseUrl;
        try {
            URI uri = new URI(baseUrl == null ? "" : baseUrl);
            boolean isHttp = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!isHttp || uri.getHost() == null) {
                throw new IllegalArgumentException(problem);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem, e);
        }
    }

    private static void requirePositive(Duration value, String option) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The " + option + " option must be positive, was: "
                    + value);
        }
    }

    /** Returns an independent copy, so an endpoint can change options without touching others. */
    public BouncerConfiguration copy() {
        try {
            return (BouncerConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "BouncerConfiguration[baseUrl=" + baseUrl
                + ", apiKey=" + maskedApiKey()
                + ", instanceId=" + instanceId
                + ", to=" + to
                + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Shows only whether a key is set and its environment, which is enough to debug a setup. */
    private String maskedApiKey() {
        if (apiKey == null) {
            return "<none>";
        }
        if (apiKey.startsWith("bnc_live_") || apiKey.startsWith("bnc_test_")) {
            return apiKey.substring(0, "bnc_live_".length()) + "***";
        }
        return "***";
    }
}
