package dev.bouncer.host.common;

/**
 * One field of a PATCH body: left out (keep the stored value) or given, where a given null
 * clears the field, as JSON Merge Patch (RFC 7396) reads a body.
 */
public record Change<T>(boolean given, T value) {

    private static final Change<?> KEEP = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
        return (Change<T>) KEEP;
    }

    /** The field set to {@code value}; null clears it. */
    public static <T> Change<T> to(T value) {
        return new Change<>(true, value);
    }

    /** The value after the change: the given one, or {@code current} when left out. */
    public T applyTo(T current) {
        return given ? value : current;
    }
}
