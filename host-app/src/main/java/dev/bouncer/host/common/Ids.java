package dev.bouncer.host.common;

import java.security.SecureRandom;

/** Public identifiers and secrets: a readable type prefix plus random base62 characters. */
public final class Ids {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 22 base62 characters carry about 131 bits, as much as a random UUID. */
    private static final int ID_LENGTH = 22;

    private Ids() {
    }

    /** A new id such as {@code msg_4fT...}: the prefix tells a reader what kind of thing it is. */
    public static String next(String prefix) {
        return prefix + "_" + randomBase62(ID_LENGTH);
    }

    /** Random base62 characters from {@link SecureRandom}, without modulo bias. */
    public static String randomBase62(int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int candidate = RANDOM.nextInt() & 0x3f;
            if (candidate < BASE62.length) {
                out.append(BASE62[candidate]);
            }
        }
        return out.toString();
    }
}
