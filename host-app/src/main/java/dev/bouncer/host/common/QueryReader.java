package dev.bouncer.host.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query parameters of a list endpoint and collects every problem, so one 422 names
 * every bad parameter. Unknown and repeated parameters are refused: a mistyped filter that
 * silently matched everything would be worse than an error.
 */
public final class QueryReader {

    private static final Set<String> PAGE_PARAMETERS = Set.of("limit", "cursor");

    private final MultiValueMap<String, String> parameters;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryReader(MultiValueMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** A reader over the request's parameters; {@code limit} and {@code cursor} are always known. */
    public static QueryReader of(MultiValueMap<String, String> parameters, Set<String> filters) {
        QueryReader reader = new QueryReader(parameters);
        Set<String> known = new HashSet<>(filters);
        known.addAll(PAGE_PARAMETERS);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                reader.reject(parameter.getKey(), "is not a known parameter");
            } else if (parameter.getValue().size() > 1) {
                reader.reject(parameter.getKey(), "must be given once");
            }
        }
        return reader;
    }

    /** The parameter's value as sent, possibly empty; empty when absent or repeated. */
    public Optional<String> optional(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 ? Optional.empty() : Optional.of(values.get(0));
    }

    public PageRequest page() {
        return PageRequest.read(optional("limit").orElse(null), optional("cursor").orElse(null),
                errors);
    }

    /** An ISO-8601 instant such as {@code 2026-12-03T21:30:00Z}; an offset may stand for the Z. */
    public Optional<Instant> instant(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.get().strip()).toInstant());
        } catch (DateTimeException notAnInstant) {
            reject(name, "must be an ISO-8601 instant such as 2026-12-03T21:30:00Z");
            return Optional.empty();
        }
    }

    public void reject(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
