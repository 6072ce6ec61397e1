package dev.bouncer.host.conversation;

import dev.bouncer.host.common.Cursor;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.QueryReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of {@code GET /api/v1/conversations}; each one given must match.
 *
 * @param status one status
 * @param assignee exactly this assignee
 * @param contactId conversations with this contact
 * @param instanceId conversations on this instance
 */
record ConversationFilter(ConversationStatus status, String assignee, String contactId,
        String instanceId) {

    static final Set<String> PARAMETERS = Set.of("status", "assignee", "contactId", "instanceId");
    private static final Pattern CONTACT_ID = Pattern.compile("ct_[0-9A-Za-z]{1,37}");
    private static final Pattern INSTANCE_ID = Pattern.compile("ins_[0-9A-Za-z]{1,36}");

    static ConversationFilter read(QueryReader query) {
        return new ConversationFilter(readStatus(query), readAssignee(query),
                readId(query, "contactId", CONTACT_ID, "a contact id such as ct_..."),
                readId(query, "instanceId", INSTANCE_ID, "an instance id such as ins_..."));
    }

    /** The rows of the page after {@code after}, in the workspace and environment only. */
    Specification<Conversation> restrict(String workspaceId, Environment environment,
            Optional<Cursor> after) {
        List<Specification<Conversation>> conditions = new ArrayList<>();
        conditions.add(equal("workspaceId", workspaceId));
        conditions.add(equal("environment", environment));
        Optional.ofNullable(status).ifPresent(value -> conditions.add(equal("status", value)));
        Optional.ofNullable(assignee).ifPresent(value -> conditions.add(equal("assignee", value)));
        Optional.ofNullable(contactId).ifPresent(value -> conditions.add(equal("contactId", value)));
        Optional.ofNullable(instanceId).ifPresent(value -> conditions.add(equal("instanceId", value)));
        after.ifPresent(cursor -> conditions.add((conversation, query, where) -> where.or(
                where.lessThan(conversation.get("lastMessageAt"), cursor.at()),
                where.and(where.equal(conversation.get("lastMessageAt"), cursor.at()),
                        where.lessThan(conversation.get("id"), cursor.id())))));
        return Specification.allOf(conditions);
    }

    private static Specification<Conversation> equal(String attribute, Object value) {
        return (conversation, query, where) -> where.equal(conversation.get(attribute), value);
    }

    private static ConversationStatus readStatus(QueryReader query) {
        Optional<String> name = query.optional("status");
        Optional<ConversationStatus> status = name.flatMap(ConversationStatus::fromWire);
        if (name.isPresent() && status.isEmpty()) {
            query.reject("status", "must be one of " + ConversationStatus.known());
        }
        return status.orElse(null);
    }

    private static String readAssignee(QueryReader query) {
        Optional<String> assignee = query.optional("assignee");
        assignee.flatMap(value -> PlainText.problemWith(value,
                ConversationChanges.MAX_ASSIGNEE_LENGTH))
                .ifPresent(problem -> query.reject("assignee", problem));
        return assignee.map(String::strip).orElse(null);
    }

    private static String readId(QueryReader query, String name, Pattern format, String example) {
        Optional<String> id = query.optional(name);
        if (id.isPresent() && !format.matcher(id.get()).matches()) {
            query.reject(name, "must be " + example);
        }
        return id.orElse(null);
    }
}
