package dev.bouncer.host.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is null on the last page (and shown as null, so a
 * client can tell the end from a missing field); otherwise passing it back as
 * {@code cursor} returns the items after this page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> data, String nextCursor) {

    public Page {
        data = List.copyOf(data);
    }

    /**
     * A page from up to {@code limit + 1} rows fetched in list order: the extra row only tells
     * whether another page follows.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> position,
            Function<R, T> view) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
