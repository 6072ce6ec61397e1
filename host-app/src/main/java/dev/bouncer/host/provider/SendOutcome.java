package dev.bouncer.host.provider;

import java.time.Duration;

/** What a provider answered to one send. */
public sealed interface SendOutcome {

    /** The provider accepted the message and gave it its own id (a wamid for the Cloud API). */
    record Sent(String providerMessageId) implements SendOutcome {
    }

    /**
     * The provider refused or could not be reached.
     *
     * @param kind whether trying again can help, see {@link FailureKind}
     * @param code the provider's error code, or a Bouncer code such as {@code http_502}
     * @param message the provider's explanation, never containing a credential
     * @param retryAfter how long the provider asked us to wait, or null
     */
    record Failed(FailureKind kind, String code, String message, Duration retryAfter)
            implements SendOutcome {

        public Failed(FailureKind kind, String code, String message) {
            this(kind, code, message, null);
        }
    }

    /** How the send queue must treat a failure. */
    enum FailureKind {
        /** Timeouts, rate limits, 5xx: the same send may succeed later. */
        RETRYABLE,
        /** The message itself cannot be delivered (bad number, policy). */
        PERMANENT,
        /** The instance's credentials were refused: no send on it can succeed until fixed. */
        AUTH
    }
}
