package dev.bouncer.host.inbound;

import dev.bouncer.host.common.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A provider webhook that could not be verified. The answer is the same whatever the reason
 * (unknown instance, no secret configured, wrong signature), so that a caller learns nothing
 * about which instances exist or how they are set up.
 */
class WebhookRejectedException extends ApiException {

    static final String INVALID_SIGNATURE = "invalid_signature";

    private final String reason;

    private WebhookRejectedException(HttpStatus status, String code, String detail, String reason) {
        super(status, code, detail);
        this.reason = reason;
    }

    /** No signature or secret came with the request. */
    static WebhookRejectedException missing(String reason) {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, "unauthorized",
                "The webhook carries no signature or secret for this instance.", reason);
    }

    /** What came does not verify against this instance, or the instance cannot verify any. */
    static WebhookRejectedException invalid(String reason) {
        return new WebhookRejectedException(HttpStatus.UNAUTHORIZED, INVALID_SIGNATURE,
                "The webhook's signature or secret does not verify for this instance.", reason);
    }

    /** A subscription handshake that is not Meta's: wrong mode, or a challenge it never sends. */
    static WebhookRejectedException badHandshake() {
        return new WebhookRejectedException(HttpStatus.BAD_REQUEST, "invalid_handshake",
                "A handshake needs hub.mode=subscribe and a hub.challenge of 1 to 256 letters, digits, "
                        + "'.', '_' or '-'.", "malformed handshake");
    }

    /** A Meta subscription handshake with a wrong token. */
    static WebhookRejectedException verifyTokenRefused(String reason) {
        return new WebhookRejectedException(HttpStatus.FORBIDDEN, "invalid_verify_token",
                "The verify token does not match this instance's.", reason);
    }

    /** For the operator's log only: which check failed, never a secret or the body. */
    String reason() {
        return reason;
    }
}
