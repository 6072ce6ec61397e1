package dev.bouncer.host.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in a list ordered by a timestamp and then by id: the last item a page ended on.
 * Clients see it only as an opaque string, so the encoding can change without breaking them.
 */
public record Cursor(Instant at, String id) {

    private static final char SEPARATOR = '|';
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    /** The shape of every Bouncer id, so a forged cursor is refused rather than run as a query. */
    private static final Pattern ID = Pattern.compile("[a-z]{2,8}_[0-9A-Za-z]{1,40}");

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        String plain = micros + String.valueOf(SEPARATOR) + id;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a string encodes; empty when it was not made by {@link #encode()}. */
    public static Optional<Cursor> decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator <= 0 || separator == plain.length() - 1) {
                return Optional.empty();
            }
            String micro = plain.substring(0, separator);
            String id = plain.substring(separator + 1);
            if (!DIGITS.matcher(micro).matches() || !ID.matcher(id).matches()) {
                return Optional.empty();
            }
            long micros = Long.parseLong(micro);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L);
            return Optional.of(new Cursor(at, id));
        } catch (IllegalArgumentException | java.time.DateTimeException notOurs) {
            return Optional.empty();
        }
    }
}
