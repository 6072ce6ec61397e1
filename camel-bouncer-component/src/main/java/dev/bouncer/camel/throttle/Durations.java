package dev.bouncer.camel.throttle;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users write them: {@code 250ms}, {@code 3s}, {@code 2m}, {@code 1h}, {@code 7d},
 * or ISO-8601 ({@code PT3S}). A day is exactly 24 hours, as in {@link Duration#ofDays}.
 *
 * <p>Parsing is strict so that a setting means one thing: the unit follows the digits directly
 * ({@code "3 s"} and {@code " 3s"} are refused), units are lower case ({@code m} is minutes,
 * never months), only whole numbers are accepted in the short form, and nothing is negative.
 * Throttling works in milliseconds, so a duration finer than that, or too large to count in
 * milliseconds, is refused rather than silently rounded.
 */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
    private static final String ACCEPTED_FORMS =
            "a whole number followed by ms, s, m, h or d (250ms, 3s, 2m, 1h, 7d), or ISO-8601 (PT3S)";
    private static final long MILLIS_PER_DAY = 86_400_000;
    private static final long MILLIS_PER_HOUR = 3_600_000;
    private static final long MILLIS_PER_MINUTE = 60_000;
    private static final long MILLIS_PER_SECOND = 1_000;

    private Durations() {
    }

    /**
     * Reads a duration written as {@code 250ms}, {@code 3s}, {@code 2m}, {@code 1h}, {@code 7d} or
     * ISO-8601.
     *
     * @throws IllegalArgumentException for null, blank, malformed, negative, sub-millisecond
     *     or overflowing text, with a message quoting the text and the accepted forms
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A duration is required: " + ACCEPTED_FORMS);
        }
        if (text.startsWith("-")) {
            throw invalid(text, "must not be negative");
        }

        Matcher shortForm = SHORT_FORM.matcher(text);
        Duration duration = shortForm.matches() ? parseShortForm(text, shortForm) : parseIso(text);
        return requireMillisecondValue(text, duration);
    }

    /**
     * The shortest exact form among {@code ms}, {@code s}, {@code m} and {@code h}: the largest
     * unit that divides the duration ({@code 90s} stays {@code 90s}, zero is {@code 0s}). It never
     * writes days ({@code 48h} stays {@code 48h}), so stored settings stay readable by builds that
     * do not know the {@code d} unit.
     * A negative or sub-millisecond duration, which {@link #parse} refuses, is written in
     * ISO-8601 so that messages about it still show the exact value.
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }

        long millis = duration.toMillis();
        if (millis % MILLIS_PER_HOUR == 0) {
            return millis / MILLIS_PER_HOUR + "h";
        }
        if (millis % MILLIS_PER_MINUTE == 0) {
            return millis / MILLIS_PER_MINUTE + "m";
        }
        if (millis % MILLIS_PER_SECOND == 0) {
            return millis / MILLIS_PER_SECOND + "s";
        }
        return millis + "ms";
    }

    private static Duration parseShortForm(String text, Matcher shortForm) {
        try {
            long amount = Long.parseLong(shortForm.group(1));
            long millis = Math.multiplyExact(amount, millisPerUnit(shortForm.group(2)));
            return Duration.ofMillis(millis);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            // The pattern only lets digits through, so a failing parse means too many of them.
            throw invalid(text, "is too large");
        }
    }

    private static long millisPerUnit(String unit) {
        return switch (unit) {
            case "ms" -> 1;
            case "s" -> MILLIS_PER_SECOND;
            case "m" -> MILLIS_PER_MINUTE;
            case "h" -> MILLIS_PER_HOUR;
            case "d" -> MILLIS_PER_DAY;
            default -> throw new IllegalStateException("unit not in pattern: " + unit);
        };
    }

    private static Duration parseIso(String text) {
        // Only text that looks like ISO-8601 goes to the JDK parser, whose own messages are vague.
        if (!text.startsWith("P")) {
            throw invalid(text, "is not a duration");
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException malformedOrTooLarge) {
            throw invalid(text, "is not a duration, or is too large");
        }
    }

    private static Duration requireMillisecondValue(String text, Duration duration) {
        if (duration.isNegative()) {
            throw invalid(text, "must not be negative");
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw invalid(text, "is finer than a millisecond");
        }
        try {
            duration.toMillis();
        } catch (ArithmeticException tooLarge) {
            throw invalid(text, "is too large");
        }
        return duration;
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException(
                "Duration '" + text + "' " + problem + "; use " + ACCEPTED_FORMS);
    }
}
