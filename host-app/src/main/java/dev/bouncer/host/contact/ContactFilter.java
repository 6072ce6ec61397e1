package dev.bouncer.host.contact;

import dev.bouncer.host.common.Cursor;
import dev.bouncer.host.common.Environment;
import dev.bouncer.host.common.PlainText;
import dev.bouncer.host.common.QueryReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jakarta.persistence.criteria.Predicate;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;

/**
 * The filters of {@code GET /api/v1/contacts}.
 *
 * @param q part of the name (any case) or, when it has digits, those digits within the number
 * @param updatedSince only contacts updated at or after this instant
 */
record ContactFilter(String q, Instant updatedSince) {

    static final Set<String> PARAMETERS = Set.of("q", "updatedSince");
    static final int MAX_QUERY_LENGTH = 100;
    private static final char LIKE_ESCAPE = '\\';

    static ContactFilter read(QueryReader query) {
        String q = query.optional("q").filter(value -> !value.isEmpty()).orElse(null);
        if (q != null) {
            PlainText.problemWith(q, MAX_QUERY_LENGTH).ifPresent(problem -> query.reject("q", problem));
        }
        return new ContactFilter(q == null ? null : q.strip(), query.instant("updatedSince").orElse(null));
    }

    /** The rows of the page after {@code after}, in the workspace and environment only. */
    Specification<Contact> restrict(String workspaceId, Environment environment,
            Optional<Cursor> after) {
        List<Specification<Contact>> conditions = new ArrayList<>();
        conditions.add((contact, query, where) -> where.and(
                where.equal(contact.get("workspaceId"), workspaceId),
                where.equal(contact.get("environment"), environment)));
        if (q != null) {
            conditions.add(matching());
        }
        if (updatedSince != null) {
            conditions.add((contact, query, where) ->
                    where.greaterThanOrEqualTo(contact.get("updatedAt"), updatedSince));
        }
        after.ifPresent(cursor -> conditions.add((contact, query, where) -> where.or(
                where.greaterThan(contact.get("updatedAt"), cursor.at()),
                where.and(where.equal(contact.get("updatedAt"), cursor.at()),
                        where.greaterThan(contact.get("id"), cursor.id())))));
        return Specification.allOf(conditions);
    }

    /** Both sides go through the database's lower(), so its case rules apply to both. */
    private Specification<Contact> matching() {
        String digits = q.replaceAll("[^0-9]", "");
        String name = "%" + escapeLike(q) + "%";
        return (contact, query, where) -> {
            Predicate byName = where.like(where.lower(contact.get("name")),
                    where.lower(where.literal(name)), LIKE_ESCAPE);
            return digits.isEmpty() ? byName
                    : where.or(byName, where.like(contact.get("phone"), "%" + digits + "%"));
        };
    }

    /** The user's text is matched literally: % and _ in a name are no wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
