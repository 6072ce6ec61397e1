package dev.bouncer.camel.client;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The check digits at the end of a Bouncer API key: the CRC32 of everything before them,
 * written as 6 base62 characters. Checking them locally tells a mistyped or truncated key from
 * a revoked one before any request is made; it proves nothing about the key being valid.
 */
public final class ApiKeyChecksum {

    private static final Pattern SHAPE = Pattern.compile("bnc_(live|test)_[0-9A-Za-z]{46}");
    private static final String BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 6;

    private ApiKeyChecksum() {
    }

    /** True for a key of the right shape whose last 6 characters are its checksum. */
    public static boolean isIntact(String key) {
        if (key == null || !SHAPE.matcher(key).matches()) {
            return false;
        }
        int split = key.length() - LENGTH;
        return of(key.substring(0, split)).equals(key.substring(split));
    }

    /** The checksum characters for the key text before them. */
    public static String of(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long rest = crc.getValue();
        char[] digits = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % BASE62.length()));
            rest /= BASE62.length();
        }
        return new String(digits);
    }
}
