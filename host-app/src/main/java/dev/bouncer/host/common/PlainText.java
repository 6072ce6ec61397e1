package dev.bouncer.host.common;

import java.util.Optional;

/**
 * Rules for short human-written values such as names and labels: not blank, at most a number of
 * characters counted as code points (an emoji is one), and no control characters, which would
 * corrupt logs, CSV exports and the dashboard.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code value} is not acceptable text of at most {@code max} characters, if it is not. */
    public static Optional<String> problemWith(String value, int max) {
        if (isBlank(value)) {
            return Optional.of("must not be blank (invisible characters alone count as blank)");
        }
        if (value.codePointCount(0, value.length()) > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /**
     * True when nothing in the value would be visible: white space of any kind (also no-break
     * and ideographic spaces) and format characters such as zero-width spaces and joiners,
     * which would otherwise let "Support&#8203;team" pass as a second "Support team".
     */
    public static boolean isBlank(String value) {
        return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /** True when a UTF-16 surrogate appears without its other half: not a character at all. */
    public static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text from outside (a provider's webhook) made safe to store and serve: half surrogate
     * pairs become U+FFFD and control characters other than line breaks and tabs are dropped,
     * the same characters the API refuses in what clients send.
     */
    public static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (!Character.isISOControl(c) || c == '\n' || c == '\t' || c == '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
