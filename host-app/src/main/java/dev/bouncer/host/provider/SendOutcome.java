package dev.bouncer.host.provider;

import java.time.Duration;

/** What a provider answered to one send. */
public sealed interface SendOutcome {

    /**
     * The provider accepted the message.
     *
     * @param providerMessageId the provider's id of it (a wamid for the Cloud API); null when
     *     the acceptance carried none that could be read
     * @param note what the history should say about the acceptance, or null
     */
    record Sent(String providerMessageId, String note) implements SendOutcome {

        public Sent(String providerMessageId) {
            this(providerMessageId, null);
        }

        /** Accepted with a 2xx whose body names no message id. */
        public static Sent withoutId(int status) {
            return new Sent(null, "the provider accepted it (HTTP " + status + ") without a readable "
                    + "message id, so its receipts cannot be matched");
        }
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
