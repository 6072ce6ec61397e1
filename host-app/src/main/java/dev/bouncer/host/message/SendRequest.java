package dev.bouncer.host.message;

import dev.bouncer.host.common.RequestReader;
import java.util.Set;

/**
 * A validated {@code POST /api/v1/messages/send} body.
 *
 * @param instanceId the instance to send through
 * @param to the recipient, normalised to E.164
 * @param message the text
 */
record SendRequest(String instanceId, String to, String message) {

    private static final Set<String> FIELDS = Set.of("instanceId", "to", "message");
    private static final int MAX_ID_LENGTH = 40;

    /** Reads the body and names every invalid field, or throws. */
    static SendRequest read(RequestReader body) {
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
        return new SendRequest(instanceId.strip(), to, message);
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
