package dev.bouncer.camel;

import org.apache.camel.RuntimeCamelException;

/**
 * The Bouncer API could not be reached or did not answer in time.
 *
 * <p>After a timeout the API may still have accepted the message, so retry a send with the same
 * {@link BouncerConstants#IDEMPOTENCY_KEY} to avoid sending it twice.
 */
public class BouncerConnectionException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names the base URL and never the API key. */
    public BouncerConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
