package dev.bouncer.host.message;

import dev.bouncer.host.common.RequestReader;
import dev.bouncer.host.common.Sha256;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /api/v1/messages/send} body.
 *
 * @param instanceId the instance to send through
 * @param to the recipient, normalised to E.164
 * @param message the text
 * @param idempotencyKey the client's {@code Idempotency-Key} header, or null
 */
record SendRequest(String instanceId, String to, String message, String idempotencyKey) {

    private static final Set<String> FIELDS = Set.of("instanceId", "to", "message");
    private static final int MAX_ID_LENGTH = 40;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    static SendRequest read(RequestReader body) {
        return read(body, null);
    }

    /**
     * Reads the body and the idempotency key (the header's values, null when absent), naming
     * every invalid field, or throws.
     */
    static SendRequest read(RequestReader body, List<String> idempotencyKeys) {
        String idempotencyKey = readIdempotencyKey(body, idempotencyKeys);
        body.rejectUnknownFields(FIELDS);
        String instanceId = body.requiredString("instanceId");
        if (instanceId != null && (instanceId.isBlank() || instanceId.length() > MAX_ID_LENGTH)) {
            body.reject("instanceId", "must be an instance id such as ins_...");
        }
        String to = readRecipient(body);
        String message = body.requiredString("message");
        if (message != null) {
            MessageText.problemWith(message).ifPresent(problem -> body.reject("message", problem));
        }
        body.throwIfInvalid();
        return new SendRequest(instanceId.strip(), to, message, idempotencyKey);
    }

    /** Identifies the request's content, so a reused idempotency key can be compared. */
    String fingerprint() {
        return Sha256.hex(instanceId.length() + ":" + instanceId + to.length() + ":" + to
                + message.length() + ":" + message);
    }

    private static String readIdempotencyKey(RequestReader body, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            body.reject(IDEMPOTENCY_HEADER, "must be sent once");
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(values.get(0)).matches()) {
            body.reject(IDEMPOTENCY_HEADER, "must be 1 to 255 visible ASCII characters");
            return null;
        }
        return values.get(0);
    }

    private static String readRecipient(RequestReader body) {
        String raw = body.requiredString("to");
        if (raw == null) {
            return null;
        }
        Recipients.Result recipient = Recipients.normalise(raw);
        if (!recipient.isValid()) {
            body.reject("to", recipient.problem());
        }
        return recipient.e164();
    }

    @Override
    public String toString() {
        return "SendRequest[instanceId=" + instanceId + "]";
    }
}
