package dev.bouncer.host.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.provider.SendOutcome.FailureKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The failure classes shared by the providers that answer with plain HTTP statuses (Evolution
 * API, WAHA): no answer, 429 and 5xx retry; 401 and 403 mean the instance's credentials were
 * refused; other statuses fail the message.
 */
final class HttpFailures {

    private static final int MAX_ERROR_LENGTH = 1000;

    private HttpFailures() {
    }

    /** A send that got no HTTP answer at all; after a timeout the provider may have sent it. */
    static SendOutcome.Failed unanswered(String provider, ProviderHttp.Reply reply) {
        if (reply.timedOut()) {
            return new SendOutcome.Failed(FailureKind.RETRYABLE, "provider_timeout",
                    provider + " did not answer in time; it may have received the message.");
        }
        return new SendOutcome.Failed(FailureKind.RETRYABLE, "provider_unreachable",
                provider + " could not be reached (" + reply.failure() + ").");
    }

    static FailureKind kindOfStatus(int status) {
        if (status == 401 || status == 403) {
            return FailureKind.AUTH;
        }
        boolean tryLater = status == 408 || status == 429 || status >= 500;
        return tryLater ? FailureKind.RETRYABLE : FailureKind.PERMANENT;
    }

    /** A failure from the status, keeping the provider's words and its {@code Retry-After}. */
    static SendOutcome.Failed ofStatus(String provider, ProviderHttp.Reply reply, String explanation) {
        String message = explanation.isBlank()
                ? provider + " answered HTTP " + reply.status() + "."
                : provider + " answered HTTP " + reply.status() + ": " + explanation;
        return new SendOutcome.Failed(kindOfStatus(reply.status()), "http_" + reply.status(),
                truncate(message), RetryAfter.parse(reply.retryAfter()));
    }

    /** A message field that may be a string, an array of strings, or an array of objects. */
    static String text(JsonNode message) {
        if (message.isTextual()) {
            return message.textValue();
        }
        if (!message.isArray()) {
            return message.isMissingNode() || message.isNull() ? "" : message.toString();
        }
        List<String> parts = new ArrayList<>();
        message.forEach(part -> parts.add(part.isTextual() ? part.textValue() : part.toString()));
        return String.join("; ", parts);
    }

    static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
