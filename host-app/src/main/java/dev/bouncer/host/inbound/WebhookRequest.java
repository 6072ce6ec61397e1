package dev.bouncer.host.inbound;

import java.util.function.Function;

/**
 * A provider's webhook as it arrived: the exact body bytes, which signatures are computed
 * over, the headers and the {@code secret} query parameter.
 */
record WebhookRequest(byte[] body, Function<String, String> header, String querySecret) {

    WebhookRequest {
        body = body == null ? new byte[0] : body;
    }

    /** Nothing of the body or the secrets. */
    @Override
    public String toString() {
        return "WebhookRequest[" + body.length + " bytes]";
    }
}
