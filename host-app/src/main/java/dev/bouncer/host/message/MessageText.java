package dev.bouncer.host.message;

import java.util.Optional;

/**
 * Rules for message text as WhatsApp applies them: 1 to 4096 characters counted in code points
 * (an emoji is one, not two UTF-16 units), not blank, and no control characters besides line
 * breaks and tabs (PostgreSQL cannot even store NUL).
 */
final class MessageText {

    static final int MAX_CODE_POINTS = 4096;

    private MessageText() {
    }

    /** Why the text is unacceptable, or empty when it is fine. */
    static Optional<String> problemWith(String text) {
        if (text.isEmpty() || isBlank(text)) {
            return Optional.of("must not be empty or blank");
        }
        if (hasUnpairedSurrogate(text)) {
            return Optional.of("contains an invalid character (an unpaired surrogate)");
        }
        if (text.codePoints().anyMatch(MessageText::isForbiddenControl)) {
            return Optional.of("contains control characters; only line breaks and tabs are allowed");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CODE_POINTS) {
            return Optional.of("must be at most " + MAX_CODE_POINTS + " characters, was " + length);
        }
        return Optional.empty();
    }

    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    private static boolean isForbiddenControl(int c) {
        return Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
