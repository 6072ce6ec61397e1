package dev.bouncer.host.common;

import java.util.List;
import java.util.Optional;

/**
 * The {@code limit} and {@code cursor} query parameters every list endpoint takes. Bad values
 * are refused with a 422 naming the parameter, never silently clamped.
 */
public record PageRequest(int limit, Optional<Cursor> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** Reads the two parameters, adding any problem to {@code errors}. */
    public static PageRequest read(String limit, String cursor, List<FieldError> errors) {
        return new PageRequest(readLimit(limit, errors), readCursor(cursor, errors));
    }

    /** The number of rows to fetch: one more than shown, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    private static int readLimit(String limit, List<FieldError> errors) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like an out-of-range number
        }
        errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static Optional<Cursor> readCursor(String cursor, List<FieldError> errors) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cursor> decoded = Cursor.decode(cursor);
        if (decoded.isEmpty()) {
            errors.add(new FieldError("cursor",
                    "is not a cursor this API gave out; pass back a page's nextCursor unchanged"));
        }
        return decoded;
    }
}
