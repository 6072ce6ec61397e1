package dev.bouncer.host.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is null on the last page; otherwise passing it back as
 * {@code cursor} returns the items after this page. It is written out as null rather than left
 * out, so a client's loop can test it without knowing the API's null conventions.
 */
public record Page<T>(List<T> data, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

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
