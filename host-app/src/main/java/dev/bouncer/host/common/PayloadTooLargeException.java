package dev.bouncer.host.common;

import org.springframework.http.HttpStatus;

/** The request body exceeds the configured limit; nothing of it was processed. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(long limitBytes) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                "The request body is larger than " + limitBytes + " bytes.");
    }
}
