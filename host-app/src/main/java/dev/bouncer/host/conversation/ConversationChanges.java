package dev.bouncer.host.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bouncer.host.common.Change;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.RequestReader;
import java.util.Optional;
import java.util.Set;

/**
 * A validated {@code PATCH /api/v1/conversations/{id}} body.
 *
 * @param status the new status
 * @param assignee who handles the conversation; null unassigns it
 */
record ConversationChanges(Change<ConversationStatus> status, Change<String> assignee) {

    static final int MAX_ASSIGNEE_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("status", "assignee");

    static ConversationChanges read(JsonNode json) {
        RequestReader body = RequestReader.of(json);
        body.rejectUnknownFields(FIELDS);
        if (body.isEmpty()) {
            body.reject("body", "must name at least one of status, assignee");
        }
        ConversationChanges changes = new ConversationChanges(readStatus(body), readAssignee(body));
        body.throwIfInvalid();
        return changes;
    }

    private static Change<ConversationStatus> readStatus(RequestReader body) {
        if (!body.names("status")) {
            return Change.keep();
        }
        String name = body.optionalString("status").orElse(null);
        Optional<ConversationStatus> status = Optional.ofNullable(name)
                .flatMap(ConversationStatus::fromWire);
        boolean wrongType = body.raw("status") != null && name == null;
        if (status.isEmpty() && !wrongType) {
            body.reject("status", "must be one of " + ConversationStatus.known());
        }
        return status.map(Change::to).orElse(Change.keep());
    }

    private static Change<String> readAssignee(RequestReader body) {
        if (!body.names("assignee")) {
            return Change.keep();
        }
        String assignee = body.optionalString("assignee").orElse(null);
        if (assignee != null) {
            PlainText.problemWith(assignee, MAX_ASSIGNEE_LENGTH).ifPresent(problem ->
                    body.reject("assignee", problem + "; send null to unassign"));
        }
        return Change.to(assignee == null ? null : assignee.strip());
    }

    @Override
    public String toString() {
        return "ConversationChanges[status=" + status.value() + ", assignee=" + assignee.given() + "]";
    }
}
